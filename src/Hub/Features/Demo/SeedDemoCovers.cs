using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;
using SkiaSharp;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Cover images for Riverside and its autumn gathering, drawn by the seed itself (a river at dusk, a
/// field of lanterns): nothing is downloaded and no photograph of anyone is used.
/// </summary>
public static class SeedDemoCovers
{
    public static async Task RunAsync(HubDbContext db, IServiceProvider services)
    {
        var covers = services.GetRequiredService<CoverImages>();
        var riverside = await db.Congregations.SingleOrDefaultAsync(c => c.Slug == "riverside");
        if (riverside is { CoverFile: "" })
        {
            riverside.CoverFile = await WriteAsync(covers, River);
        }
        var gathering = await db.GatheringEvents.FirstOrDefaultAsync(e => e.Title == "Riverside autumn gathering");
        if (gathering is { CoverFile: "" })
        {
            gathering.CoverFile = await WriteAsync(covers, Lanterns);
        }
        await db.SaveChangesAsync();
    }

    private static async Task<string> WriteAsync(CoverImages covers, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(CoverImages.Width, CoverImages.Height));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return await covers.StoreAsync(data.ToArray());
    }

    private static void River(SKCanvas canvas)
    {
        const float w = CoverImages.Width, h = CoverImages.Height;
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, h * 0.6f), [new SKColor(0xF3, 0xC9, 0x9B), new SKColor(0xC8, 0x6B, 0x4A)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, w, h, sky);
        using var sun = new SKPaint { Color = new SKColor(0xFF, 0xE8, 0xC2), IsAntialias = true };
        canvas.DrawCircle(w * 0.72f, h * 0.42f, 70, sun);
        using var hills = new SKPaint { Color = new SKColor(0x6E, 0x3B, 0x2C), IsAntialias = true };
        // Soft hills as overlapping ovals along the far bank.
        canvas.DrawOval(w * 0.18f, h * 0.66f, w * 0.3f, h * 0.2f, hills);
        canvas.DrawOval(w * 0.55f, h * 0.68f, w * 0.35f, h * 0.16f, hills);
        canvas.DrawOval(w * 0.92f, h * 0.66f, w * 0.25f, h * 0.19f, hills);
        using var water = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, h * 0.62f), new(0, h), [new SKColor(0x3E, 0x5C, 0x76), new SKColor(0x1D, 0x2F, 0x40)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, h * 0.64f, w, h * 0.36f, water);
        using var ripple = new SKPaint { Color = new SKColor(0xFF, 0xE8, 0xC2, 0x90), StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        for (var i = 0; i < 7; i++)
        {
            var y = h * 0.68f + i * 26;
            var half = 160 - i * 14;
            canvas.DrawLine(w * 0.72f - half, y, w * 0.72f + half, y, ripple);
        }
    }

    private static void Lanterns(SKCanvas canvas)
    {
        const float w = CoverImages.Width, h = CoverImages.Height;
        using var night = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, h), [new SKColor(0x1F, 0x24, 0x3D), new SKColor(0x4A, 0x3A, 0x52)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, w, h, night);
        var random = new Random(7); // the same lanterns on every demo
        using var glow = new SKPaint { IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 18) };
        using var lantern = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 28; i++)
        {
            var (x, y, r) = (random.NextSingle() * w, h * 0.15f + random.NextSingle() * h * 0.7f, 10 + random.NextSingle() * 16);
            glow.Color = new SKColor(0xF5, 0xB0, 0x4C, 0x70);
            canvas.DrawCircle(x, y, r * 2.2f, glow);
            lantern.Color = new SKColor(0xFF, 0xD3, 0x8A);
            canvas.DrawRoundRect(x - r * 0.7f, y - r, r * 1.4f, r * 2, r * 0.4f, r * 0.4f, lantern);
        }
        using var field = new SKPaint { Color = new SKColor(0x2A, 0x2F, 0x2A), IsAntialias = true };
        canvas.DrawRect(0, h * 0.88f, w, h * 0.12f, field);
    }
}
