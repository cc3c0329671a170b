//! The Chinese of the import and value messages the interchange layer writes in English
//! (`field 'urgency': 'x' is not one of 一般|加急|…`), so a Chinese interface shows them
//! in Chinese: each message shape is read back and said again; an unknown shape is kept.

/// `s` between the first `'` and the next `'`, and what follows.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('\'')?;
    let end = s.find('\'')?;
    Some((&s[..end], &s[end + 1..]))
}

/// A message in Chinese.
pub fn zh(msg: &str) -> String {
    let m = msg.trim();
    if let Some(rest) = m.strip_prefix("field ")
        && let Some((field, rest)) = quoted(rest)
        && let Some(rest) = rest.strip_prefix(": ")
    {
        return format!("字段 {field}：{}", zh(rest));
    }
    if let Some(rest) = m.strip_prefix("no ")
        && let Some(i) = rest.find(" '")
        && let Some((id, tail)) = quoted(&rest[i + 1..])
        && tail.contains("neither earlier in the file nor in the database")
    {
        let what = match &rest[..i] {
            "department" => "单位",
            "person with login" => "人员（登录名）",
            "meeting" => "会议",
            "document" => "公文",
            "supervision item" => "督办事项",
            other => other,
        };
        return format!("没有{what}“{id}”（文件前文和数据库中都没有）");
    }
    if let Some((s, tail)) = quoted(m) {
        if tail.starts_with(" is not a date") {
            return format!("“{s}”不是日期，可写 2026-12-10、2026/12/10、2026年12月10日");
        }
        if let Some(c) = tail.strip_prefix(" is not one of ") {
            return format!("“{s}”不在 {c} 之中");
        }
        if tail == " is listed twice" {
            return format!("“{s}”重复列出");
        }
        if let Some(c) = tail.strip_prefix(" matches several ") {
            return format!("“{s}”可指多个：{c}");
        }
    }
    let fixed: &[(&str, &str)] = &[
        ("missing (it is required)", "缺少（必填）"),
        ("not a valid JSON array", "不是有效的 JSON 数组"),
        (
            "a person cannot be their own partner",
            "不能以本人为 AB 岗搭档",
        ),
        (
            "the first row must be a header whose first column is 'type'",
            "第一行须为表头，且第一列为 type",
        ),
    ];
    if let Some((_, z)) = fixed.iter().find(|(e, _)| *e == m) {
        return (*z).to_string();
    }
    let prefixed: &[(&str, &str)] = &[
        ("expected text, found ", "应为文字，实为 "),
        ("expected a number, found ", "应为数字，实为 "),
        ("expected a list, found ", "应为列表，实为 "),
        ("expected an id, found ", "应为编号，实为 "),
        ("not valid CSV: ", "不是有效的 CSV："),
        ("not a JSON object: ", "不是 JSON 对象："),
        ("cannot read the line: ", "无法读取此行："),
        ("unknown field ", "未知字段 "),
        ("header column ", "表头列 "),
    ];
    for (e, z) in prefixed {
        if let Some(rest) = m.strip_prefix(e) {
            return format!("{z}{rest}");
        }
    }
    m.to_string()
}

#[cfg(test)]
mod tests {
    use super::zh;

    #[test]
    fn import_messages_in_chinese() {
        assert_eq!(
            zh(
                "field 'members[1]': no person with login 'ghost' (neither earlier in the file nor in the database)"
            ),
            "字段 members[1]：没有人员（登录名）“ghost”（文件前文和数据库中都没有）"
        );
        assert_eq!(
            zh("field 'urgency': 'x' is not one of 一般|加急"),
            "字段 urgency：“x”不在 一般|加急 之中"
        );
        assert_eq!(
            zh("field 'title': missing (it is required)"),
            "字段 title：缺少（必填）"
        );
    }
}
