//! `dutydesk` / `dutydesk board`: open the live board.

use super::Ctx;
use crate::store::queries::DEFAULT_DUE_SOON;
use crate::tui::{self, App, keymap::Keymap, theme::Theme};
use anyhow::{Result, bail};
use std::io::IsTerminal;

/// Opens the board on the context's database. Refuses when standard output is not a
/// terminal (a script gets an error, not a screenful of escape codes).
pub fn run(ctx: &Ctx) -> Result<()> {
    // A bad key in the config is reported first, before anything else is tried.
    let keymap = Keymap::with_overrides(&ctx.config.keys)?;
    if !std::io::stdout().is_terminal() {
        bail!(
            "the board needs a terminal (standard output is not one); for scripts use `dutydesk list`"
        );
    }
    // A read-only file or directory still gets a board: read-only, and saying so.
    let mut store = match crate::store::Store::open_existing(&ctx.db) {
        Ok(s) => s,
        Err(e) if crate::store::busy::error_is_readonly(&e) => {
            tracing::warn!("opening read-write failed ({e}); opening read-only");
            ctx.open_store_read_only()?
        }
        Err(e) => return Err(super::exit::from_core(e, ctx.lang)),
    };
    // The board waits only briefly for another writer's lock and retries on its own,
    // showing the wait, so its screen never freezes (tui::retry).
    store.set_busy_timeout(crate::tui::retry::ATTEMPT)?;
    // Held while the board is open, so `demo` never rebuilds this file under it.
    let _lock = crate::store::file::BoardLock::shared(&ctx.db);
    // The board acts as the account's person (or --as where allowed); an account not on
    // the staff list gets a read-only board that says so in its header.
    let env = ctx.acting_env(&store)?;
    let due_soon = ctx.config.due_soon_workdays.unwrap_or(DEFAULT_DUE_SOON);
    // An unreadable quiet-hours value stops the board before it opens, like a bad key.
    ctx.config.alerts.quiet()?;
    // The first frame shows the panes; the findings follow (`tui::run`).
    let mut app = App::open(
        &mut store,
        env,
        ctx.lang,
        keymap,
        Theme::from_env(),
        due_soon,
    )?;
    app.triage.settings = ctx.config.alerts.clone();
    if store.is_read_only() {
        app.say(
            ctx.lang.pick(
                "只读：数据库文件或其目录不可写，可以查看，不能操作",
                "read-only: the database file or its directory cannot be written; you can look, not act",
            ),
            true,
        );
    }
    tracing::info!(db = %ctx.db.display(), "board opened");
    tui::run(&mut store, app, ctx.config.mouse.unwrap_or(false))
}
