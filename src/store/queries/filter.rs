//! What a pane shows and in which order ([`Filter`], [`SortKey`]), and what the pane
//! queries derive from it: the date bounds, the text, how many rows to fetch, the order
//! of the reordered sorts.

use crate::calendar::Calendar;
use crate::domain::Env;
use chrono::NaiveDate;
use serde::Serialize;

/// The default number of rows a pane fetches.
pub const DEFAULT_LIMIT: usize = 500;
/// Default for "due soon": within this many working days (config `due_soon_workdays`).
pub const DEFAULT_DUE_SOON: u32 = 5;

/// How a pane orders its rows. Priority, deadline and urgency orders are SQL orders (so
/// the rows fetched under `limit` are the first ones in that order and agree with the
/// counts); the others reorder the fetched rows, i.e. the first `limit` items by deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum SortKey {
    /// The board's default: overdue before due; within each, 特急重要 > 特急 > 加急 > 一般
    /// (documents), then working days left. Meetings: today's first, then those owing
    /// something late, then by start.
    Priority,
    /// Overdue first, then by working days left (by due date).
    #[default]
    Due,
    /// 紧急程度: 特急重要 > 特急 > 加急 > 一般, then by due date (documents; the other
    /// panes have no urgency and keep deadline order).
    Urgency,
    /// By owner: routed leader, lead department or chair.
    Owner,
    /// Most recently received / assigned / scheduled first.
    Newest,
    /// By title.
    Title,
}

impl SortKey {
    /// Every key, in the order `s` cycles through them.
    pub const ALL: [SortKey; 6] = [
        SortKey::Priority,
        SortKey::Due,
        SortKey::Urgency,
        SortKey::Owner,
        SortKey::Newest,
        SortKey::Title,
    ];
    /// The next key in the cycle.
    pub fn next(self) -> SortKey {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
    /// The key's name for the pane title.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            SortKey::Priority => lang.pick("按优先级", "by priority"),
            SortKey::Due => lang.pick("按期限", "by due"),
            SortKey::Urgency => lang.pick("按紧急程度", "by urgency"),
            SortKey::Owner => lang.pick("按责任人", "by owner"),
            SortKey::Newest => lang.pick("按最新", "newest"),
            SortKey::Title => lang.pick("按标题", "by title"),
        }
    }
}

/// What a pane shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Incremental text filter over title, document number, department and person names.
    pub text: Option<String>,
    pub sort: SortKey,
    /// Only items due within this many working days (overdue included).
    pub due_within: Option<i64>,
    /// Only overdue items.
    pub overdue_only: bool,
    /// At most this many rows are fetched (counts stay exact).
    pub limit: usize,
    /// "Due soon" threshold in working days (config `due_soon_workdays`).
    pub due_soon_workdays: u32,
    /// Supervision only: show every open item instead of overdue + due soon.
    pub all_open: bool,
    /// Keyset paging: only rows after this (order key, id) in deadline order, for
    /// streaming a large list page by page (`dutydesk list`).
    pub after: Option<(String, i64)>,
    /// Compute the counts (a paging caller needs them once).
    pub with_counts: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            text: None,
            sort: SortKey::Due,
            due_within: None,
            overdue_only: false,
            limit: DEFAULT_LIMIT,
            due_soon_workdays: DEFAULT_DUE_SOON,
            all_open: false,
            after: None,
            with_counts: true,
        }
    }
}

/// The bind value for a `LIKE` pattern matching `text` anywhere (None for no filter).
/// `%`, `_` and `\` in the user's text are escaped so they match themselves.
pub fn like_pattern(text: Option<&str>) -> Option<String> {
    let t = text.map(str::trim).filter(|t| !t.is_empty())?;
    let mut p = String::with_capacity(t.len() + 2);
    p.push('%');
    for c in t.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    Some(p)
}

/// The first date that is NOT within `n` working days of today: an item is due within
/// `n` working days exactly when its due date is before this date.
pub fn within_cutoff(cal: &Calendar, today: NaiveDate, n: i64) -> NaiveDate {
    cal.add_workdays(today, n.max(0) + 1)
}

/// Date bounds shared by the pane queries: today, the due-soon cutoff and the
/// `due_within` / `overdue_only` upper bound (exclusive) as stored text.
pub(crate) struct Bounds {
    pub today: String,
    pub soon: String,
    /// Only rows with due < this (None: no upper bound).
    pub upper: Option<String>,
}

impl Bounds {
    pub fn new(env: &Env, f: &Filter) -> Bounds {
        let today = env.today();
        let soon = within_cutoff(&env.calendar, today, i64::from(f.due_soon_workdays));
        let mut upper = f.due_within.map(|n| within_cutoff(&env.calendar, today, n));
        if f.overdue_only {
            upper = Some(upper.map_or(today, |u| u.min(today)));
        }
        Bounds {
            today: crate::clock::fmt_date(today),
            soon: crate::clock::fmt_date(soon),
            upper: upper.map(crate::clock::fmt_date),
        }
    }
}

/// Reorders fetched rows for a non-deadline sort (stable, so ties keep deadline order).
pub(crate) fn resort<T>(
    rows: &mut [T],
    sort: SortKey,
    owner: fn(&T) -> &str,
    newest: fn(&T) -> String,
    title: fn(&T) -> &str,
) {
    match sort {
        SortKey::Priority | SortKey::Due | SortKey::Urgency => {}
        // Names and titles in pinyin order (a Chinese dictionary's), keys computed once.
        SortKey::Owner => rows.sort_by_cached_key(|r| crate::names::sort_key(owner(r))),
        SortKey::Newest => rows.sort_by_key(|r| std::cmp::Reverse(newest(r))),
        SortKey::Title => rows.sort_by_cached_key(|r| crate::names::sort_key(title(r))),
    }
}

/// The filter's text, trimmed; None when there is none.
pub(crate) fn filter_text(f: &Filter) -> Option<&str> {
    f.text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// How many rows a pane query fetches: the filter's limit, or for the orders SQL does
/// not keep (owner, newest, title: the fetched rows are reordered) at least
/// [`DEFAULT_LIMIT`], so the reordered rows are the first ones by deadline.
pub(crate) fn fetch_limit(f: &Filter) -> usize {
    match f.sort {
        SortKey::Owner | SortKey::Newest | SortKey::Title if f.after.is_none() => {
            f.limit.max(DEFAULT_LIMIT)
        }
        _ => f.limit,
    }
}
