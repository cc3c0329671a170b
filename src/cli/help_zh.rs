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

/// Subcommands: (path, Chinese about). A path is the names joined by spaces.
const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "值班台：区政府值班与办公室的看板（待批公文、督办、会议、合规）",
    ),
    ("board", "打开实时看板（默认）"),
    (
        "init",
        "为一个区建立空数据库（需 --profile）；运行者成为第一位管理员",
    ),
    ("demo", "生成演示区并在其上打开看板（不动真实数据库）"),
    (
        "list",
        "列出待批公文、督办事项或会议；带 --state 等筛选时检索全部状态的历史",
    ),
    (
        "receive",
        "收文登记：登记来文，按本区规则分办，显示呈送领导、分办依据和期限",
    ),
    (
        "meeting",
        "会议：已召开、取消、改期、纪要和文件印发日期、议题、请假",
    ),
    (
        "meeting held",
        "登记会议已召开（实际时间，默认现在；不早于开始时间）",
    ),
    ("meeting cancel", "取消会议（须写原因）"),
    ("meeting move", "会议改期；材料、纪要、文件期限随之重算"),
    ("meeting minutes", "登记会议纪要印发（日期默认今天）"),
    ("meeting documents", "登记会议文件印发（日期默认今天）"),
    ("meeting topic", "新增议题（可写汇报单位）"),
    ("meeting leave", "参会人员请假（姓名、登录名或拼音首字母）"),
    (
        "import",
        "导入记录（JSON Lines 或 CSV，CSV 自动识别 GBK/UTF-8）；整个文件一个事务",
    ),
    ("export", "导出全部数据（默认 JSON Lines）到标准输出或文件"),
    (
        "sign",
        "签批公文（批示）；办公室以 --for 和 --signed-on 代录领导书面签批",
    ),
    (
        "return",
        "退回公文；办公室以 --for 和 --signed-on 代录领导书面退回",
    ),
    ("forward", "转送其他领导"),
    ("urge", "催办公文或督办事项（记录何人何时）"),
    ("extend", "督办事项延期（保留历史）"),
    ("progress", "督办事项报送进展"),
    ("close", "督办事项销号"),
    ("reopen", "重新打开已销号的督办事项"),
    ("recheck", "设定督办事项回头看日期"),
    ("rules", "显示本区规则及条款"),
    (
        "check",
        "列出当前全部违规、警示、提示；退出码：无违规 0，有违规 3（--fail-on warning 含警示）",
    ),
    (
        "settle",
        "把逾期未复的会签登记为逾期视为无不同意见（供定时任务，用真实日期）",
    ),
    ("printed", "登记已签批公文已印制"),
    ("published", "登记已印制公文已网上公开"),
    ("decide", "把会议决定事项列为督办事项"),
    ("step", "登记投资项目流程的一个步骤已完成（从 1 编号）"),
    ("rechecked", "登记已销号督办事项的回头看已完成"),
    ("bench", "在大型演示区上测量看板的工作量"),
    ("audit", "审计日志（从早到晚）；audit verify 按哈希链核验"),
    ("audit verify", "按哈希链核验审计日志"),
    ("calendar", "官方工作日日历"),
    ("calendar days", "逐日列出：YYYY-MM-DD 工作日|休息日 [节日]"),
    ("calendar add", "某日之后第 N 个工作日（N 可为负）"),
    (
        "calendar import",
        "导入或替换某年的官方节假日安排（holiday-cn JSON）",
    ),
    ("admin", "本数据库的管理员（操作系统账户）"),
    ("admin add", "添加管理员（仅管理员可用）"),
    ("admin list", "列出管理员"),
    ("help", "显示本帮助或某个子命令的帮助"),
];

/// Arguments: (id, Chinese help).
const ARGS: &[(&str, &str)] = &[
    ("db", "数据库文件（默认在平台数据目录）"),
    ("today", "指定今天的日期，用于全部计算"),
    ("lang", "界面语言（默认 zh，或配置文件的 lang）"),
    (
        "profile",
        "本区规则：内置编号（xinzhou、huancui、kongtong、dongchang、huarong）或 TOML 文件路径",
    ),
    (
        "actor",
        "以此人身份操作（登录名或姓名）；仅管理员和演示/培训数据库可用",
    ),
    (
        "org",
        "要导入的组织架构（JSON Lines 或 CSV，见 docs/import.md）",
    ),
    (
        "pinned_clock",
        "测试或培训数据库：--today 可驱动写入，任何人可 --as 任何人",
    ),
    ("admin", "更多管理员账户（可重复或用逗号分隔）"),
    ("size", "规模：1 为一个真实的区，更大则成倍增加事项"),
    ("seed", "随机种子，相同种子得到相同的区"),
    ("no_board", "只打印摘要，不打开看板"),
    (
        "what",
        "列出什么：approvals（待批公文）、supervision（督办事项）、meetings（会议）",
    ),
    ("overdue", "只列逾期事项"),
    ("due_within", "只列 N 个工作日内到期的事项（含逾期）"),
    ("json", "每行一个 JSON 对象"),
    ("count", "只打印件数"),
    (
        "state",
        "只列这些状态（待批|已签批|退回，办理中|已销号；可重复或用逗号分隔）",
    ),
    ("since", "收文（交办）日期不早于此日"),
    ("until", "收文（交办）日期不晚于此日"),
    ("leader", "呈送的领导（姓名、登录名或拼音首字母）"),
    ("dept", "单位（名称、简称、编号或拼音首字母）"),
    ("urgency", "紧急程度：一般、加急、特急、特急重要"),
    ("limit", "最多 N 件"),
    (
        "sort",
        "排序：due（期限）、urgency（紧急程度）、received（最新收文）、title（标题拼音）",
    ),
    ("file", "文件"),
    (
        "migration",
        "含后续状态（已签批、退回、已销号、已印发）的记录：仅管理员",
    ),
    ("format", "格式：jsonl 或 csv"),
    (
        "encoding",
        "CSV 编码：utf-8（默认）或 gbk（GB18030，Excel 中文版直接打开）",
    ),
    ("output", "输出文件"),
    ("id", "编号"),
    ("text", "批示内容"),
    ("for_leader", "代录：书面签批（退回）的领导（登录名或姓名）"),
    ("signed_on", "代录：领导书面签批（退回）的日期"),
    ("reason", "原因"),
    (
        "to",
        "转至的领导（姓名、登录名或拼音首字母）；会议改期的新开始时间；延期的新期限",
    ),
    ("note", "说明"),
    ("on", "日期"),
    (
        "fail_on",
        "多严重即以退回码 3 结束：violation（违规，默认）、warning（警示）、notice（提示）",
    ),
    ("meeting", "会议编号"),
    ("title", "标题"),
    ("lead", "牵头单位（编号或名称）"),
    ("co", "协办单位（可重复或用逗号分隔）"),
    ("deadline", "期限"),
    ("project", "投资项目编号"),
    ("step", "步骤序号（从 1 开始）"),
    ("history", "叠加的已办结历史件数"),
    ("runs", "每个计时步骤的重复次数"),
    ("kind", "文种：请示、报告、函、通知等"),
    (
        "from",
        "来文单位（名称、简称、编号或拼音首字母）；不写为上级来文",
    ),
    ("received", "收文日期（默认今天）"),
    ("doc_no", "文号"),
    ("secrecy", "密级：公开、内部、秘密、机密"),
    ("attachments", "附件数"),
    ("major", "重大事项"),
    ("at", "实际召开时间，如 2026-12-10 09:30"),
    ("person", "请假人（姓名、登录名或拼音首字母）"),
    ("in_writing", "书面请假"),
    ("account", "操作系统账户"),
    ("date", "日期"),
    ("n", "工作日数"),
    ("from_day", "起始日"),
    ("entity", "只看某类事项"),
    ("item", "只看某个事项"),
    ("actor_filter", "只看某人"),
    ("verbose", "显示每一行"),
    ("help", "显示帮助"),
    ("version", "显示版本"),
    // Where one id means something else in one subcommand: "path:id".
    ("audit:since", "只看此日（UTC+8 零点）起的记录"),
    ("audit:by", "只看此人（登录名）或此操作系统账户的记录"),
    (
        "audit:item",
        "只看此事项的记录（编号，可加 doc:/sup:/mtg: 前缀）",
    ),
    ("audit:json", "每行一个 JSON 对象，各列按存储原样"),
    ("extend:to", "新的期限"),
    ("forward:to", "转至的领导（姓名、登录名或拼音首字母）"),
    ("meeting move:to", "新的开始时间，如 2026-12-10 09:30"),
    ("calendar days:from", "起始日"),
    ("calendar days:to", "截止日"),
    ("recheck:on", "回头看日期"),
    ("meeting minutes:on", "印发日期（默认今天）"),
    ("meeting documents:on", "印发日期（默认今天）"),
    ("meeting topic:title", "议题"),
    (
        "meeting topic:dept",
        "汇报单位（名称、简称、编号或拼音首字母）",
    ),
];

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

fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    if let Some((_, zh)) = ABOUT.iter().find(|(p, _)| *p == path) {
        cmd = cmd.about(*zh).long_about(None::<&str>);
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
        Lang::Zh => localize(cmd, "").subcommand(
            clap::Command::new("help").about("显示本帮助或某个子命令的帮助（help 子命令）"),
        ),
    }
}

/// Parses the command line in `lang`: help and version printed (exit 0), an error said in
/// the language (exit 2).
pub fn parse(lang: Lang, args: Vec<String>) -> Result<Cli, std::process::ExitCode> {
    use clap::FromArgMatches;
    let _ = PARSE_LANG.set(lang);
    let parsed = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(c) => Ok(c),
        Err(e)
            if lang == Lang::Zh
                && !matches!(
                    e.kind(),
                    ErrorKind::DisplayHelp
                        | ErrorKind::DisplayVersion
                        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                ) =>
        {
            eprintln!("{}", error_zh(&e));
            Err(std::process::ExitCode::from(2))
        }
        Err(e) => {
            let _ = e.print();
            Err(std::process::ExitCode::from(
                u8::try_from(e.exit_code()).unwrap_or(2),
            ))
        }
    }
}

/// `dutydesk help meeting move` → `dutydesk meeting move --help`, so the help of a
/// subcommand comes in the interface language.
pub fn rewrite_help(args: Vec<String>) -> Vec<String> {
    // The first word that is neither a flag nor the value of a global flag.
    let mut pos = None;
    let mut i = 1;
    while i < args.len() {
        let a = args[i].as_str();
        if matches!(a, "--db" | "--today" | "--lang" | "--profile" | "--as") {
            i += 2;
            continue;
        }
        if !a.starts_with('-') {
            pos = Some(i);
            break;
        }
        i += 1;
    }
    let Some(pos) = pos else {
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

    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        if !has_cjk(&about) {
            missing.push(format!("about of '{path}'"));
        }
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            if !a.is_hide_set() && !has_cjk(&help) {
                missing.push(format!("'{path}' argument {}", a.get_id()));
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
