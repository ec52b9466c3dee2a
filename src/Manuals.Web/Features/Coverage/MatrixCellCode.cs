using Manuals.Core.Coverage;

namespace Manuals.Web.Features.Coverage;

/// <summary>
/// A cell's value as one short code for forms and scripts: the level digit and N, P or B for the role
/// (none, 主担当, 副担当), e.g. <c>2P</c>.
/// </summary>
public static class MatrixCellCode
{
    /// <summary>Every value a cell can take, in the order the cell's select lists them.</summary>
    public static IReadOnlyList<(SkillLevel Level, AssignmentRole Role)> All { get; } =
        [.. new[] { AssignmentRole.None, AssignmentRole.Primary, AssignmentRole.Backup }
            .SelectMany(role => Enum.GetValues<SkillLevel>().Select(level => (level, role)))];

    public static string Format(SkillLevel level, AssignmentRole role) =>
        $"{(int)level}{role switch { AssignmentRole.Primary => 'P', AssignmentRole.Backup => 'B', _ => 'N' }}";

    public static string Format(SkillCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Format(cell.Level, cell.Role);
    }

    public static bool TryParse(string? code, out SkillLevel level, out AssignmentRole role)
    {
        level = SkillLevel.None;
        role = AssignmentRole.None;
        if (code is not { Length: 2 } || code[0] is < '0' or > '3')
        {
            return false;
        }

        level = (SkillLevel)(code[0] - '0');
        role = code[1] switch
        {
            'P' => AssignmentRole.Primary,
            'B' => AssignmentRole.Backup,
            'N' => AssignmentRole.None,
            _ => (AssignmentRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}
