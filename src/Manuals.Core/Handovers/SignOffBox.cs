namespace Manuals.Core.Handovers;

/// <summary>A sign-off box as one user sees it: whose it is, the sign-off if recorded, and what the user may do with it.</summary>
public sealed record SignOffBox(SignOffSlot Slot, HandoverSignature? Signature, SignOffRight Right, bool CanWithdraw);
