namespace Manuals.Core.Manuals;

/// <summary>The words at the top of callout boxes, in the reader's language (the web layer supplies them).</summary>
public sealed record CalloutLabels(string Note, string Warning, string Tip)
{
    /// <summary>The default: メモ, 注意, ポイント.</summary>
    public static CalloutLabels Japanese { get; } = new("メモ", "注意", "ポイント");
}
