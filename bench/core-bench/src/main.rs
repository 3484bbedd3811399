//! Measures what Mette feels: how long an autosave takes to commit, and how
//! long a search takes at 10k and 100k entries. Prints Markdown table rows.

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use tillid_core::demo::DemoOptions;
use tillid_core::journal::model::ReflectionInput;
use tillid_core::{IsoWeek, Store};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn autosave(rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let week = IsoWeek::new(2026, 48).unwrap();
    let mut input = ReflectionInput::default();
    let mut times = Vec::with_capacity(rounds);
    for i in 0..rounds {
        // A typing session: the text grows a few words per save.
        input
            .happened
            .push_str("Jeg gav slip på detaljen og spurgte i stedet. ");
        input.tags = vec![format!("tag{}", i % 3)];
        let t = Instant::now();
        store.save_reflection(week, &input).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "| Autosave commit (whole reflection, synchronous=FULL), {rounds} saves | p50 {:.2} ms | p99 {:.2} ms | < 15 ms (p99) |",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
}

fn search(entries_target: u32) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    // One reflection and N notes a week.
    let notes_per_week = 9;
    let weeks = entries_target / (notes_per_week + 1);
    let t = Instant::now();
    let sum = store
        .fill_demo(&DemoOptions {
            weeks,
            notes_per_week,
            today: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            seed: 42,
        })
        .unwrap();
    let fill = t.elapsed();
    let n = sum.reflections + sum.notes;
    let queries = [
        "tillid",
        "årsplan",
        "psykologisk tryghed",
        "mikro",
        "uddeleg",
        "feedback",
        "ærlighed",
        "rammen",
        "kontrol",
        "the team",
        "budget",
        "søren",
        "anerkend",
        "\"(NEAR",
        "kerneopgave",
        "delegate",
    ];
    let mut times = Vec::new();
    for _ in 0..10 {
        for q in queries {
            let t = Instant::now();
            let hits = store.search(q, Some(50)).unwrap();
            times.push(t.elapsed());
            std::hint::black_box(hits);
        }
    }
    times.sort();
    println!(
        "| Search, {n} entries ({} queries, 50 hits each; corpus made in {:.1} s) | p50 {:.2} ms | p95 {:.2} ms | < 30 ms (p95, 100k) |",
        times.len(),
        fill.as_secs_f64(),
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

fn main() {
    autosave(1000);
    search(10_000);
    search(100_000);
}
