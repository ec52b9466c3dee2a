namespace Manuals.Core.Manuals;

/// <summary>
/// The words at the top of callout boxes, in the reader's language (the web layer supplies them), and the notice above
/// a text that cannot be read as Markdown (<see cref="MarkdownLimits"/>), which is then shown as typed.
/// </summary>
public sealed record CalloutLabels(string Note, string Warning, string Tip, string Unreadable = CalloutLabels.JapaneseUnreadable)
{
    private const string JapaneseUnreadable = "入れ子が深すぎるため、Markdown として表示できません。入力されたとおりの文字で表示しています。";

    /// <summary>The default: メモ, 注意, ポイント.</summary>
    public static CalloutLabels Japanese { get; } = new("メモ", "注意", "ポイント");
}
