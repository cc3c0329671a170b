//! The one place the board writes: each [`Call`] goes to the same core function the CLI
//! uses (`crate::store::actions`), in one transaction, and comes back as a summary in
//! both languages or as the core's error (a refusal says why, in both languages).

use super::form::Call;
use crate::domain::Env;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::queries::Bi;

/// Performs one call.
pub fn perform(_store: &mut Store, _env: &Env, call: &Call) -> Result<Bi> {
    // TODO(actions): call `crate::store::actions::{sign, return_document, forward, urge,
    // extend, add_progress, close, reopen, set_recheck, add_topic, approve_topic,
    // topic_materials_in, request_leave, minutes_issued, documents_issued}` once they are
    // on main. Until then the board refuses rather than pretending to have done it.
    tracing::info!(?call, "action not available yet");
    Err(Error::refused(
        "此操作在本版本中尚不可用",
        "this action is not available in this build yet",
    ))
}
