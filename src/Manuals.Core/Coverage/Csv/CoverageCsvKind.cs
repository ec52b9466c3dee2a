namespace Manuals.Core.Coverage.Csv;

/// <summary>The three files the coverage data moves in and out of spreadsheets as.</summary>
public enum CoverageCsvKind
{
    /// <summary>業務一覧: one row per task.</summary>
    Tasks,

    /// <summary>担当者一覧: one row per employee.</summary>
    Employees,

    /// <summary>星取表: one row per non-empty cell (department, task, employee, level, role).</summary>
    Matrix,
}
