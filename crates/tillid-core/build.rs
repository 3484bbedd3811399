//! Compiles the exercise library (`assets/exercises/*.toml`) into the core,
//! so the app and the CLI carry it without files at run time.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time, not baked in with env!: a checkout elsewhere sharing
    // this target dir (scripts/dev/golden.sh) must not leave its path here.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../assets/exercises");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("assets/exercises exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// (file name, contents) of every exercise, sorted by name.\npub const EXERCISE_FILES: &[(&str, &str)] = &[\n");
    // The same files as JSON, in the same order: reading JSON at run time
    // costs a tenth of parsing TOML. A file that is not valid TOML becomes
    // "", which the run time skips; the content test reads the TOML itself
    // and names the file and the error.
    let mut json = String::from(
        "/// Every exercise file converted to JSON (\"\" if it is not valid TOML), in `EXERCISE_FILES` order.\npub const EXERCISE_JSON: &[&str] = &[\n",
    );
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let abs = f.canonicalize().unwrap();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
        let text = std::fs::read_to_string(&f).unwrap();
        let converted = toml::from_str::<toml::Value>(&text)
            .ok()
            .and_then(|v| serde_json::to_string(&v).ok())
            .unwrap_or_default();
        writeln!(json, "    {converted:?},").unwrap();
    }
    out.push_str("];\n");
    json.push_str("];\n");
    out.push_str(&json);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("exercise_files.rs");
    std::fs::write(dest, out).unwrap();
}
