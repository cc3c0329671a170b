//! A shared server's file set-up: the officers' group owns the database directory (mode
//! 2770: setgid, so the -wal and -shm files SQLite makes later join the group) and the
//! database files are 0660 whatever the umask, so every officer's account can write them
//! and nobody else can read them. See docs/deploy.md.

use super::file::with_companions;
use crate::error::{Error, IoContext, Result};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// The group's id by name.
pub fn group_id(name: &str) -> Result<u32> {
    match nix::unistd::Group::from_name(name) {
        Ok(Some(g)) => Ok(g.gid.as_raw()),
        _ => Err(Error::no_such(
            format!("没有名为 {name} 的系统组；先用 groupadd 创建（见 docs/deploy.md）"),
            format!(
                "there is no group named {name}; create it with groupadd first (docs/deploy.md)"
            ),
        )),
    }
}

/// The database's directory, for the group: created if needed, given to `gid`, mode 2770.
/// A directory others share (sticky or writable by all, like /tmp) is refused: the
/// database belongs in a directory of its own.
pub fn prepare_dir(db: &Path, gid: u32) -> Result<()> {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).at_path(dir)?;
    let meta = std::fs::metadata(dir).at_path(dir)?;
    if meta.mode() & 0o1002 != 0 {
        return Err(Error::refused(
            format!(
                "{} 是公共目录；请把数据库放在单独的目录中（如 /srv/dutydesk/）",
                dir.display()
            ),
            format!(
                "{} is a shared directory; put the database in a directory of its own (e.g. /srv/dutydesk/)",
                dir.display()
            ),
        ));
    }
    std::os::unix::fs::chown(dir, None, Some(gid)).at_path(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o2770)).at_path(dir)?;
    Ok(())
}

/// The database and its companions: mode 0660, and the group when given.
pub fn share_files(db: &Path, gid: Option<u32>) -> Result<()> {
    for p in with_companions(db) {
        if !p.exists() {
            continue;
        }
        if let Some(gid) = gid {
            std::os::unix::fs::chown(&p, None, Some(gid)).at_path(&p)?;
        }
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o660)).at_path(&p)?;
    }
    Ok(())
}
