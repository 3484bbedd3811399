//! Reads `commands.list`: `module::function` per line, `#` comments and
//! blank lines skipped. Shared by build.rs and tests/commands_listed.rs, so
//! both read the list the same way.

pub fn listed(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split_once("::")
                .unwrap_or_else(|| panic!("commands.list: `{l}` is not module::function"))
        })
        .collect()
}
