//! The help's notes after the keys: the order of the rows, the marks, the columns'
//! abbreviations, alerts and notifications, and the mouse.

/// (heading zh, heading en, lines zh, lines en).
pub const NOTES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "排序",
        "Order",
        &[
            "  默认按优先级：逾期在前；同为逾期或未逾期时，特急重要 > 特急 > 加急 > 一般，再按剩余工作日。",
            "  会议：今日会议在前，再是有逾期事项的，再按时间。s 依次切换：按优先级、按期限、按紧急程度、按责任人、按最新、按标题。",
        ],
        &[
            "  By priority (the default): overdue first; within each, very urgent & major > very urgent > urgent > normal, then working days left.",
            "  Meetings: today's first, then those owing something late, then by start. s cycles: priority, due, urgency, owner, newest, title.",
        ],
    ),
    (
        "标记与提醒",
        "Marks and alerts",
        &[
            "  新/改：自上次显示以来新到或被他人处理的事项，选中后消失。标题中的 13/51 为所选行位置；↑2 新 表示上方有新到事项，按 ^ 跳转。",
            "  他人的操作在状态栏短暂显示；! 打开今日动态（时间、操作人、事项）和提醒，X 确认提醒。",
            "  提醒：特急/特急重要公文到达、事项今日起逾期、会议一小时内开始、会签期限已过。每件事每个看板只提醒一次：横幅、响铃、桌面通知（OSC 9 与 OSC 777）。",
            "  配置文件 [alerts]：banner、bell、desktop、arrival、overdue、meeting、countersign 可分别关闭，quiet_hours = \"22:00-07:00\" 为免打扰时段。",
            "  tmux 中桌面通知需 set -g allow-passthrough on（tmux 3.3 起）。",
        ],
        &[
            "  new/chg: rows that arrived or that someone else acted on since the board last showed them, until selected. 13/51 in a title is the selected row; ↑2 new means rows arrived above: ^ jumps there.",
            "  Other people's actions show briefly on the status line; ! lists today's events (time, who, item) and the alerts; X acknowledges.",
            "  Alerts: a very urgent document arrives, an item turns overdue today, a meeting starts within the hour, a countersign limit passes. Once per event and board: banner, bell, desktop notification (OSC 9 and OSC 777).",
            "  Config [alerts]: banner, bell, desktop, arrival, overdue, meeting, countersign can each be turned off; quiet_hours = \"22:00-07:00\".",
            "  In tmux, desktop notifications need set -g allow-passthrough on (tmux 3.3 or later).",
        ],
    ),
    (
        "栏目",
        "Columns",
        &[
            "  工作日：逾N 为已逾期N个工作日，剩N 为还剩N个工作日，今天 为今天到期。",
            "  会签：复2/2 视2 = 已复2个（共2个），其中2个逾期未复视为无不同意见。文号过长时截去中间，保留序号。",
            "  标题相同时显示编号栏；:open 编号（或按 #）跳到该事项。",
        ],
        &[
            "  Workdays: N late = overdue by N working days, N left = N working days left, today = due today.",
            "  Cosign: r2/2 d2 = 2 of 2 replied, of which 2 deemed no objection (silent past the limit). Long document numbers are cut in the middle, keeping the number.",
            "  Where titles collide the ID column shows; :open ID (or #) jumps to an item.",
        ],
    ),
    (
        "鼠标与输入",
        "Mouse and input",
        &[
            "  鼠标默认关闭：在配置文件中写 mouse = true 后，可点击选行、滚轮滚动、点击页眉第三行查看日历说明。",
            "  所有输入框支持 Ctrl-A/E 行首/行尾、Ctrl-U/K 删除到行首/行尾、Ctrl-W 删除前一个词；命令行按 Tab 补全（含中文动作名，如 :签批）。",
        ],
        &[
            "  The mouse is off by default: put mouse = true in the config file to click rows, scroll with the wheel and click the header's third line for the calendar note.",
            "  Every input takes Ctrl-A/E (start/end), Ctrl-U/K (delete to start/end), Ctrl-W (delete a word); Tab completes : commands (Chinese action names too, :签批).",
        ],
    ),
];
