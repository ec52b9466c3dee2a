namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// Marks a test that proves a setting of the README's configuration table takes effect under that name
/// (ConfigurationTableTests fails for a row no test is marked for).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProvesSettingAttribute(string setting) : Attribute
{
    public string Setting { get; } = setting;
}
