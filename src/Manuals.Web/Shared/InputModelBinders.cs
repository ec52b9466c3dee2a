using Manuals.Core.Common;
using Manuals.Web.Shared.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Manuals.Web.Shared;

/// <summary>
/// Rules for every bound value, whichever form, query or controller it comes from, so no field can forget them:
/// <list type="bullet">
/// <item>every string loses its control characters other than tab and line breaks (<see cref="TextInput.StripControlCharacters"/>).
/// They are invisible, mean nothing in a manual or a name, and PostgreSQL refuses NUL; dropping them silently keeps
/// the rest of what was typed, where refusing would ask the writer to find characters they cannot see. (An encoded NUL
/// in a url-encoded form would stop the form from being read at all; <see cref="EncodedNulFormMiddleware"/> drops it first.)</item>
/// <item>every date (<see cref="DateOnly"/>) outside <see cref="InputDates"/> (2000-01-01 to 2099-12-31, the business
/// calendar's years) is a model error with a message; the page answers 400 with the form as typed.</item>
/// </list>
/// </summary>
public sealed class InputModelBinders(IStringLocalizerFactory factory, ILoggerFactory loggerFactory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelBinderProviders.Insert(0, new Provider(factory.Create(typeof(SharedResource)), loggerFactory));
    }

    private sealed class Provider(IStringLocalizer l, ILoggerFactory loggerFactory) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.ModelType;
            if (type == typeof(string))
            {
                return new TextBinder(new SimpleTypeModelBinder(type, loggerFactory));
            }

            return (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateOnly)
                ? new DateBinder(new SimpleTypeModelBinder(type, loggerFactory), l)
                : null;
        }
    }

    private sealed class TextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && TextInput.HasControlCharacters(text))
            {
                var clean = TextInput.StripControlCharacters(text);
                bindingContext.Result = ModelBindingResult.Success(clean);
                // Forms are shown again from the model state's raw value; it must not bring the characters back.
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
            }
        }
    }

    private sealed class DateBinder(IModelBinder inner, IStringLocalizer l) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: DateOnly date } && !InputDates.IsSupported(date))
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Validation.DateOutOfRange"]);
                bindingContext.Result = ModelBindingResult.Failed();
            }
        }
    }
}
