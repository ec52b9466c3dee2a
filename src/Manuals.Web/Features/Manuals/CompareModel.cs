namespace Manuals.Web.Features.Manuals;

/// <summary>Two revisions to compare, from the history page's form (GET, so it works without JavaScript).</summary>
public sealed record CompareModel(int From, int To);
