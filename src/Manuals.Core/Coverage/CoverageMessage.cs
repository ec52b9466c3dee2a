namespace Manuals.Core.Coverage;

/// <summary>
/// A sentence for the UI as a code and its arguments; the web layer looks the code up in its resources
/// (<c>Coverage.Verdict.{Code}</c>, <c>Coverage.Fix.{Code}</c>), so Core holds no UI text.
/// </summary>
public sealed record CoverageMessage(string Code, IReadOnlyList<object> Arguments);
