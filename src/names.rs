//! Chinese names as people type and sort them: pinyin initials (`lmh` for 李明华) for the
//! pickers, and pinyin order (the order of a Chinese dictionary) for title and person sorts,
//! both from the `pinyin` crate's tables. Characters without a reading (Latin letters,
//! digits, punctuation) stand for themselves, lower-cased.

use pinyin::ToPinyin;
use std::cmp::Ordering;

/// The first letters of each character's reading: 李明华 → "lmh", 区财政局 → "qczj".
pub fn initials(s: &str) -> String {
    s.chars()
        .zip(s.to_pinyin())
        .filter_map(|(c, p)| match p {
            Some(p) => p.first_letter().chars().next(),
            None if c.is_alphanumeric() => c.to_lowercase().next(),
            None => None,
        })
        .collect()
}

/// The full readings, lower-case, one per character, separated by spaces so 西安 and
/// 先 sort apart ("xi an" < "xian"): the key of pinyin order.
pub fn sort_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for (c, p) in s.chars().zip(s.to_pinyin()) {
        match p {
            Some(p) => out.push_str(p.plain()),
            None => out.extend(c.to_lowercase()),
        }
        out.push(' ');
    }
    out
}

/// Pinyin order; equal readings fall back to code point order so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// Whether `typed` looks like pinyin initials (ASCII letters only, at least two).
pub fn is_initials(typed: &str) -> bool {
    typed.len() >= 2 && typed.chars().all(|c| c.is_ascii_alphabetic())
}

/// The collation `PINYIN` on a connection, so a query sorts by pinyin in SQL (`ORDER BY
/// title COLLATE PINYIN LIMIT n`): sort and limit stay in the database.
pub fn register_collation(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.create_collation("PINYIN", compare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("李明华"), "lmh");
        assert_eq!(initials("区住房和城乡建设局"), "qzfhcxjsj");
        assert_eq!(initials("A座会议室"), "azhys");
    }

    #[test]
    fn pinyin_order() {
        let mut v = vec!["张伟", "李明华", "王建国", "安宁"];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(v, ["安宁", "李明华", "王建国", "张伟"]);
    }
}
