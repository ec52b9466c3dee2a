using System.ComponentModel.DataAnnotations;
using Manuals.Core.Common;

namespace Manuals.Web.Shared;

/// <summary>
/// <see cref="RequiredAttribute"/> for text that must show something: a value of only spaces (全角スペース too),
/// zero-width or other invisible characters is missing, as Core's rules see it (<see cref="TextInput.IsBlank"/>).
/// Every required text field of a form uses it (passwords excepted, whose characters are the user's own business).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class RequiredTextAttribute : RequiredAttribute
{
    public override bool IsValid(object? value) => value is string text ? !TextInput.IsBlank(text) : base.IsValid(value);
}
