using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

public static class HandbookFeature
{
    public static WebApplicationBuilder AddHandbook(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportHandbook>();
        builder.Services.AddScoped<HandbookSearch>();
        builder.Services.AddScoped<ReadHandbookPage>();
        builder.Services.AddScoped<ExportHandbookEpub>();
        builder.Services.AddScoped<HandbookChangesFeed>();
        builder.Services.AddScoped<ComposeHandbookBook>();
        builder.Services.AddScoped<ExportHandbookPdf>();
        builder.Services.AddScoped<HandbookImportGate>();
        builder.Services.AddSingleton<HandbookImportRunner>();
        builder.Services.AddScoped<StartHandbookImport>();
        builder.Services.AddScoped<CancelHandbookImport>();
        builder.Services.AddScoped<SaveResyncSchedule>();
        builder.Services.AddScoped<ReadImportStatus>();
        builder.Services.AddScoped<ResyncHandbook>();
        builder.Services.AddScoped<CheckHandbookSource>();
        builder.Services.AddScoped<DownloadRemoteImages>();
        builder.Services.AddHttpClient(DownloadRemoteImages.ClientName)
            .ConfigurePrimaryHttpMessageHandler(DownloadRemoteImages.Handler)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // each download has its own timeout
        builder.Services.AddSingleton<HandbookPdfPreparer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HandbookPdfPreparer>());
        builder.Services.AddOptions<HandbookOptions>()
            .ReadInterval(builder.Configuration, "Handbook:ResyncCheckInterval", "Handbook:ResyncCheckSeconds", TimeSpan.FromSeconds(1), (o, interval) => o.ResyncCheckInterval = interval)
            .Bind(builder.Configuration.GetSection(HandbookOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => HandbookLanguage.IsTag(o.Language),
                "Handbook:Language must be a language tag such as en, es, de, pt-PT or fr: the language the handbook is written in.")
            .Validate(o => o.AllowedFolders.All(f => f.Trim().Length == 0 || Path.IsPathFullyQualified(f.Trim())),
                "Each of Handbook:AllowedFolders must be a full path, such as /srv/handbook: the admin page imports only from folders under them.")
            .Validate<IOptions<HubOptions>>((o, hub) => !o.AllowedFolders.Any(f => f.Trim().Length > 0 && Path.IsPathFullyQualified(f.Trim())
                    && HandbookPaths.IsSameOrInside(HandbookPaths.RealPath(f.Trim()), HandbookPaths.RealPath(hub.Value.DataDirectoryFullPath))),
                "Handbook:AllowedFolders names the data folder (Hub:DataDirectory) or a folder inside it: nothing there may be imported, because everything imported is public. Name the folder of the handbook instead.")
            .ValidateOnStart();
        builder.Services.AddHostedService<HandbookResyncJob>();
        builder.Services.AddOptions<HandbookPdfOptions>().Bind(builder.Configuration.GetSection(HandbookPdfOptions.Section));
        return builder;
    }

    public const string DiagramFramePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private const string DiagramFrameHtml =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Diagram renderer</title></head><body>" +
        "<script src=\"/lib/mermaid/mermaid.min.js?v=12.3.0\"></script><script src=\"/js/handbook-diagram-frame.js?v=1\"></script></body></html>";

    /// <summary>Where the importer keeps the handbook's images and downloads in the file store (their source paths follow).</summary>
    public const string FilesPrefix = "handbook/files/";

    public static WebApplication MapHandbook(this WebApplication app)
    {
        // Images and downloads of the imported handbook, copied into the file store by the importer. Only files
        // that pages reference are there (the importer removes the rest). Images, PDF, audio, video and fonts are
        // shown in the browser with their own type; anything else is a download of unknown type, never a page, a
        // script or a style sheet of the hub.
        app.MapMethods(RenderHandbookPage.AssetPrefix + "{**path}", [HttpMethods.Get, HttpMethods.Head],
            async (string path, HttpContext context, IFileStore files, CancellationToken cancel) =>
            {
                var name = FileKeys.NameOf(path);
                var known = HandbookFileTypes.Provider.TryGetContentType(name, out var type);
                var file = await StoredFiles.ServeAsync(files, FilesPrefix + path, known ? type! : HandbookFileTypes.Download, cancel, ranges: true);
                if (file is Microsoft.AspNetCore.Http.HttpResults.NotFound)
                {
                    return file;
                }
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // An SVG opened on its own must never run as a page of the hub.
                headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
                if (!known)
                {
                    var download = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
                    download.SetHttpFileName(name);
                    headers.ContentDisposition = download.ToString();
                }
                return file;
            });
        // The admin page's progress bars follow the stream while an import runs (handbook-import.js), on any node; the
        // same state as JSON for a browser without EventSource.
        app.MapGet("/admin/handbook/import.json", async (ReadImportStatus status, IStringLocalizer<Strings> strings, HttpContext context, CancellationToken cancel) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(ReadImportStatus.Json(await status.RunAsync(history: 1, cancel), strings));
        }).RequireAuthorization(policy => policy.RequireRole(HubRoles.Admin));
        app.MapGet("/admin/handbook/import/events", async (ReadImportStatus status, IStringLocalizer<Strings> strings, HttpContext context, LiveSignals live) =>
        {
            using var stop = EventStreams.Lifetime(context);
            using var watch = live.Watch(HandbookImportGate.Topic);
            var sent = "";
            // Without a signal it reads every 2 s: an import run by the command line on SQLite is another process.
            await EventStreams.FollowAsync(context, watch, live.ReadAtLeastEvery(TimeSpan.FromSeconds(2)), async cancel =>
            {
                var state = JsonSerializer.Serialize(ReadImportStatus.Json(await status.RunAsync(history: 1, cancel), strings));
                if (state == sent)
                {
                    return null;
                }
                sent = state;
                return $"event: import\ndata: {state}\n\n";
            }, stop.Token);
        }).RequireAuthorization(policy => policy.RequireRole(HubRoles.Admin));
        // The hidden frame in which mermaid draws diagrams (handbook-diagrams.js): mermaid styles its drawing
        // inline, so this one document may apply inline style, and nothing else; it holds no handbook content.
        app.MapGet("/handbook-diagram-frame", (HttpContext context) =>
        {
            context.Response.Headers["Content-Security-Policy"] = DiagramFramePolicy;
            context.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Content(DiagramFrameHtml, "text/html; charset=utf-8");
        });
        app.MapGet("/handbook/changes.xml", async (HandbookChangesFeed feed, CancellationToken cancel) =>
            await feed.RunAsync(cancel) is { } xml ? Results.Text(xml, "application/atom+xml; charset=utf-8") : Results.NotFound());
        // Search as you type: the first few hits as JSON for the search boxes (handbook.js); /search is the full page.
        app.MapGet("/search.json", async (string? q, HandbookSearch search, CancellationToken cancel) =>
        {
            var query = (q ?? "").Trim();
            var hits = query.Length is 0 or > 200 ? [] : await search.RunAsync(query, limit: 8, cancel);
            return Results.Json(hits.Select(h => new { url = RenderHandbookPage.PageUrl(h.Path), title = h.Title, snippet = h.SnippetHtml }));
        });
        app.MapGet("/handbook.html", async (ComposeHandbookBook compose, CancellationToken cancel) =>
            await compose.RunAsync(ComposeHandbookBook.Target.Web, cancel) is { } book ? Results.Content(book.Html, "text/html; charset=utf-8") : Results.NotFound());
        // /handbook.pdf is a page (Pdf.cshtml): the kept file, or a page saying it is being printed.
        app.MapGet("/handbook.epub", async (HttpContext context, ExportHandbookEpub export, CancellationToken cancel) =>
        {
            using var book = new MemoryStream();
            if (!await export.RunAsync(book, cancel))
            {
                return Results.NotFound();
            }
            return Results.File(book.ToArray(), "application/epub+zip", "handbook.epub");
        });
        return app;
    }
}
