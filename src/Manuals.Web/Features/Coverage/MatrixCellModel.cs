using System.ComponentModel.DataAnnotations;
using Manuals.Web.Shared;

namespace Manuals.Web.Features.Coverage;

/// <summary>One cell changed in place (keyboard or select), posted by the matrix script.</summary>
public sealed class MatrixCellModel
{
    [Required]
    public long? EmployeeId { get; set; }

    [Required]
    public long? TaskId { get; set; }

    /// <summary>The value the cell showed before, e.g. <c>1N</c>.</summary>
    [RequiredText]
    public string? From { get; set; }

    /// <summary>The new value, e.g. <c>2P</c>.</summary>
    [RequiredText]
    public string? To { get; set; }
}
