namespace Manuals.Web.Features.Handovers;

/// <summary>
/// One sign-off box (前任者, each 後任者 by name, 管理者). <paramref name="Name"/> and <paramref name="Date"/> are empty until it is
/// signed in the app; the box is then left blank to sign by hand.
/// </summary>
public sealed record HandoverSheetSignature(string Role, string Name, string Date);
