using Manuals.Core.Search;

namespace Manuals.Web.Features.Search;

/// <summary>
/// The synonyms admin page. After a refused edit, <see cref="FailedId"/> names the group (0 for the add form) whose box
/// shows <see cref="FailedText"/> again with <see cref="Error"/>.
/// </summary>
public sealed record SynonymsPage(IReadOnlyList<SynonymGroup> Groups, long? FailedId = null, string? FailedText = null, string? Error = null)
{
    /// <summary>The text of the box for group <paramref name="id"/> (0: the add form).</summary>
    public string TextFor(long id, string stored) => FailedId == id ? FailedText ?? "" : stored;

    public string? ErrorFor(long id) => FailedId == id ? Error : null;
}
