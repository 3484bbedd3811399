fn main() {
    tillid_app_lib::run()
}
