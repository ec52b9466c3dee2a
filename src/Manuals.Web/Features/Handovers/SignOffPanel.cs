using Manuals.Core.Handovers;

namespace Manuals.Web.Features.Handovers;

/// <summary>The sign-off boxes of a handover as one user sees them, with the day a new sign-off is dated by default.</summary>
public sealed record SignOffPanel(long HandoverId, IReadOnlyList<SignOffBox> Boxes, DateOnly Today);
