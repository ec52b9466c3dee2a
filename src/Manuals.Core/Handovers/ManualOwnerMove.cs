namespace Manuals.Core.Handovers;

/// <summary>A manual whose owner (the person who keeps it reviewed) changes on completion.</summary>
public sealed record ManualOwnerMove(long ManualId, string Title, long? FromUserId, string FromName, long ToUserId, string ToName);
