namespace Manuals.Core.Search;

/// <summary>
/// Tokens that must appear at adjacent positions, in order. Built only from <see cref="SearchAnalyzer"/> output, so the
/// engines never see what the user typed.
/// </summary>
/// <param name="Tokens">The tokens, at least one.</param>
/// <param name="IsPrefix">The last token matches any token that starts with it (a one-character CJK term: 経 → 経理, 経費…).</param>
/// <param name="IsStem">
/// The okurigana stem of a term typed with okurigana (問合せ → 問合): where it matches, the highlight goes on over the
/// okurigana the text writes after it (問い合<b>わせ</b>), so a word is never marked only in part.
/// </param>
public sealed record SearchPhrase(IReadOnlyList<string> Tokens, bool IsPrefix, bool IsStem = false)
{
    /// <summary>Identity for de-duplication and synonym look-up: the tokens joined by spaces, plus * for a prefix.</summary>
    public string Key => string.Join(' ', Tokens) + (IsPrefix ? " *" : "");
}
