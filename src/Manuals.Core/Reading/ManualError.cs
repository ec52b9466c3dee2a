using Manuals.Core.Common;

namespace Manuals.Core.Reading;

/// <summary>A rule an assignment of several manuals broke; <paramref name="ManualTitle"/> names the manual, or is null for the form as a whole.</summary>
public sealed record ManualError(string? ManualTitle, ValidationError Error);
