using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Shared;

/// <summary>Model-binding errors ("'abc' is not a number") in the user's language instead of English.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var l = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["Validation.ValueInvalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["Validation.UnknownValueInvalid"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.UnknownValueInvalid"]);
        messages.SetValueMustNotBeNullAccessor(value => l["Validation.RequiredGeneric"]);
        messages.SetMissingBindRequiredValueAccessor(field => l["Validation.RequiredGeneric"]);
        messages.SetMissingKeyOrValueAccessor(() => l["Validation.RequiredGeneric"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.RequiredGeneric"]);
        messages.SetValueMustBeANumberAccessor(field => l["Validation.MustBeNumber"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumber"]);
    }
}
