namespace Manuals.Web.Features.Coverage;

/// <summary>The matrix form without JavaScript: one select per cell (<c>cells[employee-task]</c>) and the values they started from.</summary>
public sealed class MatrixFormModel
{
    public Dictionary<string, string> Cells { get; set; } = [];

    /// <summary><see cref="MatrixPage.Original"/> as rendered.</summary>
    public string? Original { get; set; }
}
