//! A blank Tauri 2 window whose page reports when it has painted, exactly as
//! Tillid's home screen does; the start-up benchmark's baseline.

use std::time::Instant;

struct Started(Instant);

#[tauri::command]
fn ready(started: tauri::State<Started>) {
    println!("TILLID_READY_MS {}", started.0.elapsed().as_millis());
}

fn main() {
    tauri::Builder::default()
        .manage(Started(Instant::now()))
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the blank baseline");
}
