//! The `dutydesk` binary: parse the command line, load the config, set up logging, then
//! hand over to the command line or the board.

use dutydesk::cli::{self, Ctx};
use dutydesk::config::Config;
use dutydesk::safe_write;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The help and parse errors speak the interface language, known before parsing.
    let args: Vec<String> = std::env::args().collect();
    let config_lang = Config::load(&dutydesk::paths::config_file())
        .ok()
        .and_then(|c| c.lang);
    let lang = cli::help_zh::early_lang(&args, config_lang);
    let cli = match cli::help_zh::parse(lang, cli::help_zh::rewrite_help(args)) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let config_path = dutydesk::paths::config_file();
    // A config file named explicitly but missing is said aloud (a typo would otherwise run
    // with another database and other keys than the ones meant). It stays a warning, on a
    // terminal, so that scripts may point DUTYDESK_CONFIG at nothing to run without one.
    let config_missing = std::env::var_os("DUTYDESK_CONFIG").is_some() && !config_path.exists();
    if config_missing && std::io::stderr().is_terminal() {
        eprintln!(
            "warning: config: {}: DUTYDESK_CONFIG names a file that does not exist; running without a config file",
            safe_write::escape(&config_path.display().to_string())
        );
    }
    let config = match Config::load(&config_path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: config: {}", safe_write::escape(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let _log_guard = init_logging();
    if config_missing {
        tracing::warn!(path = %config_path.display(), "DUTYDESK_CONFIG names a missing file");
    }
    let ctx = Ctx::new(&cli, config);
    let lang = ctx.lang;
    match cli::run(cli, ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS, // `dutydesk list | head`
        // A finished command's own exit code (`digest`: 3 when something is overdue).
        Err(e) if e.downcast_ref::<cli::shift_args::ExitWith>().is_some() => ExitCode::from(
            e.downcast_ref::<cli::shift_args::ExitWith>()
                .map_or(1, |x| x.0),
        ),
        // A chosen exit code (`check`: 3 with violations), its output already printed.
        Err(e) if e.downcast_ref::<cli::Exit>().is_some() => {
            ExitCode::from(e.downcast_ref::<cli::Exit>().map_or(1, |x| x.0))
        }
        Err(e) => {
            tracing::error!("{e:#}");
            // Errors echo input (a value, a file name): never raw to the terminal.
            eprintln!(
                "{}{}",
                lang.pick("错误：", "error: "),
                safe_write::escape(&format!("{e:#}"))
            );
            ExitCode::from(cli::exit::code_of(&e))
        }
    }
}

/// Whether the error is only the reader of our output going away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Logs go to a file (never to the screen, which the board owns): `DUTYDESK_LOG` names the
/// file, else `dutydesk.log` in the data directory. If the file cannot be opened the
/// program runs without logs rather than failing.
fn init_logging() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::EnvFilter;
    let path = std::env::var_os("DUTYDESK_LOG")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dutydesk::paths::log_dir().join("dutydesk.log"));
    let dir = path.parent()?.to_path_buf();
    std::fs::create_dir_all(&dir).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    // Logs quote data (titles, values): escaped like every other text output.
    let (writer, guard) = tracing_appender::non_blocking(safe_write::SafeWriter::new(file));
    let filter =
        EnvFilter::try_from_env("DUTYDESK_LOG_LEVEL").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
