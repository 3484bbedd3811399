//! A 100 MB jrnl export imports with bounded memory: the importer streams
//! the file (twice: checked and counted, then written in one transaction)
//! and never holds it whole. Peak memory is read from /proc while the real
//! `tillid` process runs, so this test is Linux-only.
#![cfg(target_os = "linux")]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Writes a jrnl JSON export of about `target_bytes`, of varied Danish
/// sentences, and returns how many entries it holds.
fn write_big_jrnl(path: &Path, target_bytes: u64) -> u64 {
    const WORDS: &[&str] = &[
        "tillid",
        "ledelse",
        "teamet",
        "mødet",
        "aftalen",
        "feedback",
        "forventningen",
        "ansvaret",
        "uddelegering",
        "samtalen",
        "udvikling",
        "trivsel",
        "prioriteten",
        "kunden",
        "projektet",
        "leverancen",
        "kvaliteten",
        "beslutningen",
        "rammerne",
        "mål",
        "succeskriterier",
        "opfølgning",
        "sparring",
        "tryghed",
        "åbenhed",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "{{\"tags\": {{}}, \"entries\": [").unwrap();
    let mut written = 0u64;
    let mut n = 0u64;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    while written < target_bytes {
        let mut body = String::with_capacity(4200);
        while body.len() < 4000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            body.push_str(WORDS[(seed % WORDS.len() as u64) as usize]);
            body.push(if seed.is_multiple_of(11) { '.' } else { ' ' });
        }
        let line = format!(
            "{}{{\"title\": \"Dag {n}.\", \"body\": \"{body}\", \"date\": \"{:04}-{:02}-{:02}\", \"time\": \"08:00\", \"tags\": [\"@t{}\"], \"starred\": false}}\n",
            if n == 0 { "" } else { "," },
            1990 + n / 336,
            1 + (n / 28) % 12,
            1 + n % 28,
            n % 9
        );
        f.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        n += 1;
    }
    writeln!(f, "]}}").unwrap();
    f.flush().unwrap();
    n
}

/// The process's peak resident memory so far (VmHWM), in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_100_mb_jrnl_file_imports_with_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("big.json");
    let entries = write_big_jrnl(&file, 100 * 1000 * 1000);
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size >= 100 * 1000 * 1000);

    let data = tmp.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tillid"))
        .arg("--data-dir")
        .arg(&data)
        .args(["import", "jrnl"])
        .arg(&file)
        .env_remove("TILLID_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tillid");
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = peak_kib(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().unwrap();
    assert!(status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("{entries} note(s) added")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Holding the file would take more than its 100 MB; streaming stays a
    // small fraction of it (SQLite's page cache and one entry at a time).
    let limit_kib = size / 1024 / 3;
    assert!(peak > 0, "the peak was read");
    assert!(
        peak < limit_kib,
        "peak {peak} KiB for a {} MiB file (limit {limit_kib} KiB)",
        size >> 20
    );
    eprintln!(
        "imported {entries} entries ({} MiB), peak {peak} KiB",
        size >> 20
    );
}
