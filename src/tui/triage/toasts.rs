//! Toasts: other people's actions in one line each, read from the audit rows since the
//! last snapshot, with names rather than logins ("王建国签批了《关于…》",
//! "区应急管理局报来特急公文《…》"). Several at once show the latest with a count.

use crate::domain::Urgency;
use crate::i18n::{Lang, Named};
use crate::store::audit::feed::FeedRow;
use crate::text::{printable, truncate};

/// The verb for an audit action, or None for rows that are not worth a toast.
fn verb(action: &str, lang: Lang) -> Option<&'static str> {
    Some(match action {
        "sign" | "sign-on-paper" => lang.pick("签批了", "signed"),
        "return" | "return-on-paper" => lang.pick("退回了", "returned"),
        "forward" => lang.pick("转办了", "forwarded"),
        "urge" => lang.pick("催办了", "urged"),
        "extend" => lang.pick("延期了", "extended"),
        "progress" => lang.pick("报送进展：", "added progress to"),
        "close" => lang.pick("销号了", "closed"),
        "reopen" => lang.pick("重新打开了", "reopened"),
        "import" | "import-migration" => lang.pick("更新了", "updated"),
        _ => return None,
    })
}

/// One row as a toast line; None for rows about no item (an import's batch row, the
/// calendar, administrators).
pub fn line(r: &FeedRow, lang: Lang) -> Option<String> {
    let title = truncate(&printable(r.title.as_deref()?), 24);
    let q = match lang {
        Lang::Zh => format!("《{title}》"),
        Lang::En => format!("\u{201c}{title}\u{201d}"),
    };
    if r.entity == "document" && r.created {
        let from = printable(r.from_dept.as_deref().unwrap_or("")).into_owned();
        let urgent = r
            .urgency
            .as_deref()
            .and_then(Urgency::parse)
            .filter(|u| *u != Urgency::Normal);
        return Some(match (lang, urgent) {
            (Lang::Zh, Some(u)) => format!("{from}报来{}公文{q}", u.name(lang)),
            (Lang::Zh, None) => format!("{from}报来公文{q}"),
            (Lang::En, Some(u)) => format!("{from} sent a {} document {q}", u.name(lang)),
            (Lang::En, None) => format!("{from} sent a document {q}"),
        });
    }
    if r.created {
        return Some(match lang {
            Lang::Zh => format!("新登记{q}"),
            Lang::En => format!("registered {q}"),
        });
    }
    let who = printable(&r.actor_name).into_owned();
    let who = match (&r.acted_for, lang) {
        (Some(f), Lang::Zh) => format!("{who}（代{}）", printable(f)),
        (Some(f), Lang::En) => format!("{who} (for {})", printable(f)),
        (None, _) => who,
    };
    let v = verb(&r.action, lang)?;
    Some(match lang {
        Lang::Zh => format!("{who}{v}{q}"),
        Lang::En => format!("{who} {v} {q}"),
    })
}

/// The toast for a batch of rows: the latest line, with how many more.
pub fn summarize(rows: &[&FeedRow], lang: Lang) -> Option<String> {
    let lines: Vec<String> = rows.iter().filter_map(|r| line(r, lang)).collect();
    let last = lines.last()?.clone();
    Some(match (lines.len(), lang) {
        (1, _) => last,
        (n, Lang::Zh) => format!("{last}（另有{}项，按 ! 查看）", n - 1),
        (n, Lang::En) => format!("{last} (+{} more, press !)", n - 1),
    })
}
