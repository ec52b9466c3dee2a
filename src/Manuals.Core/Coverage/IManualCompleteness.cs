using Manuals.Core.Manuals;

namespace Manuals.Core.Coverage;

/// <summary>
/// Tells which manuals leave a required section of their step template empty. Coverage counts such a manual as not
/// usable. <see cref="Templates.TemplateManualCompleteness"/> answers it from the step templates.
/// </summary>
public interface IManualCompleteness
{
    /// <summary>The ids, among <paramref name="candidates"/>, of manuals with a required template section left empty.</summary>
    Task<IReadOnlySet<long>> FindIncompleteAsync(IReadOnlyCollection<ManualSummary> candidates, CancellationToken cancellationToken);
}
