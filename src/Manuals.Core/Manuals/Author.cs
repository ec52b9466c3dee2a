namespace Manuals.Core.Manuals;

/// <summary>Who wrote a revision. Imports have no user and carry a descriptive name instead.</summary>
public sealed record Author(long? UserId, string Name);
