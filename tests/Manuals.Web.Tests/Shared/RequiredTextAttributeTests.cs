using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Manuals.Web.Shared;

namespace Manuals.Web.Tests.Shared;

public sealed class RequiredTextAttributeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000 ")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData("\u3164\u00AD")]
    public void IsValid_NothingVisible_False(string? value)
    {
        Assert.False(new RequiredTextAttribute().IsValid(value));
    }

    [Theory]
    [InlineData("総務")]
    [InlineData("\u200B総務\u3000")]
    public void IsValid_SomethingVisible_True(string value)
    {
        Assert.True(new RequiredTextAttribute().IsValid(value));
    }

    [Fact]
    public void FormModels_EveryRequiredTextProperty_UsesRequiredText()
    {
        // A plain [Required] lets 「\u200B」 or 「\u3000\u200B」 through as a name; passwords are the user's own business.
        var plain = typeof(RequiredTextAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType == typeof(string)
                && p.GetCustomAttribute<RequiredAttribute>() is { } required && required is not RequiredTextAttribute
                && p.GetCustomAttribute<DataTypeAttribute>()?.DataType != DataType.Password)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(plain);
    }
}
