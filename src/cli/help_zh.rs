//! The command line in Chinese: `--help`, `help COMMAND` and clap's parse errors in the
//! interface language (zh by default, en with `--lang en`). The English texts are the
//! doc comments of the clap definitions; the Chinese ones are this file's tables, keyed by
//! subcommand name and argument id (the same id reads the same everywhere). A test walks
//! every subcommand and argument and fails on one without Chinese.

use super::Cli;
use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};

/// The language of the command line being parsed, for value parsers' messages.
pub static PARSE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

use super::help_zh_text::{ABOUT, ARGS};

/// The language asked for before the command line is parsed: `--lang`, else
/// `DUTYDESK_LANG`, else the config file's, else zh.
pub fn early_lang(args: &[String], config: Option<Lang>) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v).unwrap_or_default();
        }
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(v)).unwrap_or_default();
        }
    }
    std::env::var("DUTYDESK_LANG")
        .ok()
        .and_then(|v| Lang::parse(&v))
        .or(config)
        .unwrap_or_default()
}

/// The Chinese about of the subcommand at `path` ("" for the program).
fn about_zh(path: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(p, _)| *p == path).map(|(_, zh)| *zh)
}

fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    if let Some(zh) = about_zh(path) {
        cmd = cmd.about(zh).long_about(None::<&str>);
    }
    cmd = cmd
        .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        // `help COMMAND` is read as `COMMAND --help` (see `rewrite_help`), so the
        // generated English help subcommand is not needed.
        .disable_help_subcommand(true)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    cmd = cmd.mut_args(|a| {
        let id = a.get_id().as_str().to_string();
        let heading = if a.is_positional() {
            "参数"
        } else {
            "选项"
        };
        // The Chinese help names the choices itself; clap's list would be in English.
        let takes = a.get_action().takes_values();
        let a = a.help_heading(heading).hide_possible_values(takes);
        let specific = format!("{path}:{id}");
        let found = ARGS
            .iter()
            .find(|(k, _)| *k == specific)
            .or_else(|| ARGS.iter().find(|(k, _)| *k == id));
        match found {
            Some((_, zh)) => a.help(*zh).long_help(None::<&str>),
            None => a,
        }
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub));
    }
    cmd
}

/// The clap command in a language.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => localize(cmd, "")
            .subcommand(clap::Command::new("help").about(about_zh("help").unwrap_or_default())),
    }
}

/// Parses the command line in `lang`: help and version printed (exit 0), an error said in
/// the language (exit 2).
pub fn parse(lang: Lang, args: Vec<String>) -> Result<Cli, std::process::ExitCode> {
    use clap::FromArgMatches;
    let _ = PARSE_LANG.set(lang);
    // Most command lines parse as they stand, and parse the same in either language: the
    // quick command (the subcommand's family only) takes them. Help, the version and
    // errors come from the full command, localized.
    let word = subcommand_at(&args).map(|i| args[i].as_str());
    if let Ok(c) = Cli::quick_command(word)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return Ok(c);
    }
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let shown = |e: &clap::Error| {
        !matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    };
    match parsed {
        Ok(c) => Ok(c),
        // A parse error echoes what was typed: never raw to the terminal.
        Err(e) if lang == Lang::Zh && shown(&e) => {
            eprintln!("{}", crate::safe_write::escape(&error_zh(&e)));
            Err(std::process::ExitCode::from(2))
        }
        Err(e) if shown(&e) => {
            eprint!("{}", crate::safe_write::escape(&e.render().to_string()));
            Err(std::process::ExitCode::from(
                u8::try_from(e.exit_code()).unwrap_or(2),
            ))
        }
        Err(e) => {
            let _ = e.print();
            Err(std::process::ExitCode::from(
                u8::try_from(e.exit_code()).unwrap_or(2),
            ))
        }
    }
}

/// Where the subcommand is: the first word that is neither a flag nor the value of a
/// global flag.
fn subcommand_at(args: &[String]) -> Option<usize> {
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        if matches!(a, "--db" | "--today" | "--lang" | "--profile" | "--as") {
            i += 2;
            continue;
        }
        if !a.starts_with('-') {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `dutydesk help meeting move` → `dutydesk meeting move --help`, so the help of a
/// subcommand comes in the interface language.
pub fn rewrite_help(args: Vec<String>) -> Vec<String> {
    let Some(pos) = subcommand_at(&args) else {
        return args;
    };
    if args[pos] != "help" {
        return args;
    }
    let mut out: Vec<String> = args[..pos].to_vec();
    out.extend(args[pos + 1..].iter().cloned());
    out.push("--help".into());
    out
}

fn value(v: Option<&ContextValue>) -> String {
    match v {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A parse error in Chinese: what went wrong, with the argument and value it is about.
pub fn error_zh(e: &clap::Error) -> String {
    let arg = value(e.get(ContextKind::InvalidArg));
    let val = value(e.get(ContextKind::InvalidValue));
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("不认识的参数 {arg}"),
        ErrorKind::InvalidSubcommand => format!(
            "不认识的子命令 {}",
            value(e.get(ContextKind::InvalidSubcommand))
        ),
        ErrorKind::InvalidValue => {
            let ok = value(e.get(ContextKind::ValidValue));
            if ok.is_empty() {
                format!("{arg} 的值“{val}”无效")
            } else {
                format!("{arg} 的值“{val}”无效，可选：{ok}")
            }
        }
        ErrorKind::ValueValidation => {
            let why = e.source().map(|s| s.to_string()).unwrap_or_default();
            format!("{arg} 的值“{val}”无效：{why}")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::ArgumentConflict => format!("参数 {arg} 不能与其他参数同时使用"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值个数不对")
        }
        _ => "命令行有误".to_string(),
    };
    format!("错误：{what}\n\n运行 dutydesk --help 查看用法")
}

use std::error::Error as _;

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Whether a text is the Chinese one of the tables (a doc comment's English may quote
    /// a Chinese term: that is not a translation).
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        let in_about = ABOUT.iter().any(|(p, zh)| *p == path && *zh == about);
        let translated = has_cjk(&about) && in_about;
        if !cmd.is_hide_set() && !translated {
            missing.push(format!("about of '{path}'"));
        }
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            let id = a.get_id().as_str();
            let specific = format!("{path}:{id}");
            let in_args = ARGS
                .iter()
                .any(|(k, zh)| (*k == specific || *k == id) && *zh == help);
            let translated = has_cjk(&help) && in_args;
            let own = matches!(id, "help" | "version");
            if !a.is_hide_set() && !translated && !own {
                missing.push(format!("'{path}' argument {id}"));
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &p, missing);
        }
    }

    #[test]
    fn every_subcommand_and_argument_has_chinese_help() {
        let mut cmd = command(Lang::Zh);
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "untranslated: {missing:#?}");
    }

    /// Every subcommand is in the family the quick command builds for its name, and a
    /// command line of each family parses there as the full command parses it.
    #[test]
    fn the_quick_command_parses_as_the_full_one() {
        use clap::FromArgMatches;
        let full = Cli::command();
        for sub in full.get_subcommands() {
            let name = sub.get_name();
            let quick = Cli::quick_command(Some(name));
            assert!(quick.find_subcommand(name).is_some(), "{name}");
            assert!(
                quick.get_subcommands().count() < full.get_subcommands().count() / 2,
                "{name}: a family is a part"
            );
        }
        let lines = [
            "dutydesk",
            "dutydesk --lang en",
            "dutydesk --db x.db --today 2026-11-20 list supervision --overdue --count",
            "dutydesk list approvals --json --due-within 3",
            "dutydesk --as wang extend S1 --to 2026-12-01 --reason 延期",
            "dutydesk sign D1 --for 张三 --signed-on 2026-11-02",
            "dutydesk meeting move M1 --to 2026-12-01T09:00",
            "dutydesk log add -c 来电 -s 停电 --urgency 加急",
            "dutydesk calendar import 2027.json",
            "dutydesk --profile dongchang init",
            "dutydesk audit --item S1 --json",
            "dutydesk handover",
        ];
        for line in lines {
            let args: Vec<String> = line.split(' ').map(String::from).collect();
            let word = subcommand_at(&args).map(|i| args[i].as_str());
            let by = |cmd: clap::Command| {
                cmd.try_get_matches_from(&args)
                    .and_then(|m| Cli::from_arg_matches(&m))
                    .map(|c| format!("{c:?}"))
                    .map_err(|e| e.kind())
            };
            let quick = by(Cli::quick_command(word));
            assert!(quick.is_ok(), "{line}: {quick:?}");
            assert_eq!(quick, by(Cli::command()), "{line}");
        }
        // What it does not take is left to the full command.
        for line in [
            "dutydesk --version",
            "dutydesk list --help",
            "dutydesk lisst",
            "dutydesk --bogus",
        ] {
            let args: Vec<String> = line.split(' ').map(String::from).collect();
            let word = subcommand_at(&args).map(|i| args[i].as_str());
            assert!(
                Cli::quick_command(word)
                    .try_get_matches_from(&args)
                    .is_err(),
                "{line}"
            );
        }
    }

    #[test]
    fn errors_and_help_in_chinese() {
        let e = command(Lang::Zh)
            .try_get_matches_from(["dutydesk", "--bogus"])
            .unwrap_err();
        assert!(error_zh(&e).contains("不认识的参数"), "{}", error_zh(&e));
        let e = command(Lang::Zh)
            .try_get_matches_from(["dutydesk", "extend", "S1", "--to", "明天", "--reason", "x"])
            .unwrap_err();
        let msg = error_zh(&e);
        assert!(
            msg.contains("--to") && msg.contains("不是日期") && !msg.contains("--today"),
            "{msg}"
        );
        let help = command(Lang::Zh).render_help().to_string();
        assert!(help.contains("用法") && help.contains("收文登记"), "{help}");
        assert_eq!(
            early_lang(&["dutydesk".into(), "--lang".into(), "en".into()], None),
            Lang::En
        );
        let v = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            rewrite_help(v("dutydesk --db help help meeting move")),
            v("dutydesk --db help meeting move --help")
        );
        assert_eq!(
            rewrite_help(v("dutydesk list approvals")),
            v("dutydesk list approvals")
        );
    }
}
