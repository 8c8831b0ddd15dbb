using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Wraps the resource files' localizers: in the pseudo-locale, each English string comes back as
/// <see cref="PseudoText"/>; in every other language, the localizer answers as it is.
/// Every string found is also kept per language, without a lock: the resource manager takes two locks per
/// lookup, and a page asks for a hundred strings, so under load a tenth of a signed-in page's time was
/// threads waiting on those locks (docs/benchmarks.md). The files do not change while the hub runs, and only
/// strings that exist are kept, so the memory is bounded by the files.
/// </summary>
public sealed class PseudoLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Language, string Name), LocalizedString>> kept = new();

    public IStringLocalizer Create(Type resourceSource) =>
        new PseudoLocalizer(inner.Create(resourceSource), KeptFor(resourceSource.FullName ?? resourceSource.Name));

    public IStringLocalizer Create(string baseName, string location) =>
        new PseudoLocalizer(inner.Create(baseName, location), KeptFor($"{location}:{baseName}"));

    private ConcurrentDictionary<(string Language, string Name), LocalizedString> KeptFor(string resource) =>
        kept.GetOrAdd(resource, static _ => new());

    private sealed class PseudoLocalizer(IStringLocalizer inner, ConcurrentDictionary<(string Language, string Name), LocalizedString> kept) : IStringLocalizer
    {
        private static bool Pseudo => CultureInfo.CurrentUICulture.Name == Languages.Pseudo;

        public LocalizedString this[string name] => Pseudo ? Wrap(Find(name)) : Find(name);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                // As the resource manager's localizer formats: in the current culture, the name itself when missing.
                var format = Pseudo ? Wrap(Find(name)) : Find(name);
                return new(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        private LocalizedString Find(string name)
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (kept.TryGetValue(key, out var found))
            {
                return found;
            }
            found = inner[name];
            if (!found.ResourceNotFound)
            {
                kept.TryAdd(key, found);
            }
            return found;
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        // A key with no English either stays as it is, unmarked: the browser test sees it as a leak.
        private static LocalizedString Wrap(LocalizedString english) =>
            english.ResourceNotFound ? english : new(english.Name, PseudoText.From(english.Value), false, english.SearchedLocation);
    }
}
