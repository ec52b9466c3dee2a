namespace Manuals.Core.Templates;

/// <summary>Step templates. Names are unique after <see cref="ManualSections.NormalizeHeading"/>-style normalisation.</summary>
public interface ITemplateStore
{
    /// <summary>Templates in creation order (the five built-ins first); retired ones only when asked.</summary>
    Task<IReadOnlyList<StepTemplate>> ListAsync(bool includeRetired, CancellationToken cancellationToken);

    /// <summary>The template, retired or not, or null when the id is unknown.</summary>
    Task<StepTemplate?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// The template a manual's <c>template</c> field names, retired or not, or null. Full-width and half-width
    /// forms, surrounding spaces and Latin case do not matter (「定型業務(月次・年次)」 finds 「定型業務（月次・年次）」).
    /// </summary>
    Task<StepTemplate?> FindByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an active, non-built-in template recorded as created by <paramref name="createdByUserId"/>. A taken name
    /// is a <see cref="TemplateSaveOutcome.NameTaken"/> result, not an exception.
    /// </summary>
    Task<TemplateSaveResult> CreateAsync(StepTemplateDraft draft, long? createdByUserId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces name, description, skeleton and required sections; who created it and whether it is built in never
    /// change. A rename also changes the <c>template</c> field of
    /// every manual that named the old one, in the same transaction, so no manual loses its template.
    /// </summary>
    Task<TemplateSaveResult> UpdateAsync(long id, StepTemplateDraft draft, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Retires or restores the template; false when the id is unknown. Templates are never deleted.</summary>
    Task<bool> SetRetiredAsync(long id, bool retired, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many manuals name the template (in any width form).</summary>
    Task<int> CountManualsAsync(string name, CancellationToken cancellationToken);
}
