//! What poised says about safety, in one place: "Before you start" (who should check with a
//! clinician first, and when to seek urgent care instead of exercising), the not-medical-advice
//! line, and the warning shown when a step hurts. The app, `poised safety` and the README's
//! "When to get help" section all show this same text.
//!
//! The facts follow public clinical guidance on low back pain (the NHS pages on back pain and
//! NICE guideline NG59), written in our own words. poised gives no medical advice.

/// The title of the screen shown on the first run.
pub const TITLE: &str = "Before you start";

/// One line, kept on Home, on the summary and in the help at every size.
pub const NOT_ADVICE: &str = "poised is not medical advice.";

/// Who should ask a clinician before starting.
pub const CHECK_FIRST_HEADING: &str = "Check with a clinician before you start if you:";
pub const CHECK_FIRST: &[&str] = &[
    "have had a recent fall or accident",
    "have ever had cancer",
    "have osteoporosis",
    "are pregnant",
    "have had spine surgery recently",
    "have a fever, or feel generally unwell",
];

/// When to get urgent care rather than exercise.
pub const URGENT_HEADING: &str = "Get urgent medical help instead of exercising if you have:";
pub const URGENT: &[&str] = &[
    "numbness around your genitals or buttocks",
    "new trouble passing or holding urine or stool",
    "new or worsening weakness or numbness in one or both legs",
    "back pain with a fever",
    "severe pain after a fall or an accident",
    "pain that is worse at night and not eased by rest",
];

/// The closing words of "Before you start".
pub const CLOSING: &str =
    "poised gives no medical advice. Move gently, and stop if a movement hurts.";

/// Shown whenever a step is marked as hurting.
pub const LEG_SYMPTOMS: &str =
    "Pain spreading into a leg, pins and needles, numbness or weakness: stop now and get advice.";

/// Said when stiffness is much higher than usual.
pub const NEW_OR_SEVERE: &str = "If the pain is new or severe, get advice before you exercise.";

/// "Before you start" as plain text lines, for `poised safety` and the README.
#[must_use]
pub fn text_lines() -> Vec<String> {
    let mut lines = vec![TITLE.to_string(), String::new()];
    lines.push(CHECK_FIRST_HEADING.to_string());
    lines.extend(CHECK_FIRST.iter().map(|item| format!("- {item}")));
    lines.push(String::new());
    lines.push(URGENT_HEADING.to_string());
    lines.extend(URGENT.iter().map(|item| format!("- {item}")));
    lines.push(String::new());
    lines.push(CLOSING.to_string());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_names_both_lists_in_full() {
        let text = text_lines().join("\n");
        for item in CHECK_FIRST.iter().chain(URGENT) {
            assert!(text.contains(item), "{item}");
        }
        assert!(text.starts_with("Before you start"));
    }
}
