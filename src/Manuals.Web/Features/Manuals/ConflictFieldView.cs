using Manuals.Core.Manuals;

namespace Manuals.Web.Features.Manuals;

/// <summary>One field of the conflict page: who changed it, and its values as the writer reads them.</summary>
/// <param name="Field">The field.</param>
/// <param name="Kind">Who changed it since the common base.</param>
/// <param name="Base">The value the writer started from; null when not known.</param>
/// <param name="Theirs">The value the save that came first left.</param>
/// <param name="Mine">The value the writer submitted.</param>
public sealed record ConflictFieldView(ManualField Field, FieldMergeKind Kind, string? Base, string Theirs, string Mine)
{
    public bool Differs => new FieldMerge(Field, Kind).Differs;
}
