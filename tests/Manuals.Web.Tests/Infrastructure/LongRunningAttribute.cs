namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// Marks a test class that takes far longer than the others (it starts the app as processes, again and again):
/// <see cref="LongestFirstOrderer"/> starts such classes before the rest, the longest first, so that none of them is
/// still running alone while every other class is done. <see cref="Seconds"/> is its test time on a busy two-core
/// machine, only for that order; the class runs the same either way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}
