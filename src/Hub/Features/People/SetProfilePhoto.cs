using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Configuration;
using SkiaSharp;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// Sets or removes one's own photo. The upload is decoded and re-encoded as a square JPEG, so what
/// is stored is always an image of known size and carries no camera metadata (location, device).
/// </summary>
public sealed class SetProfilePhoto(HubDbContext db, IOptions<HubOptions> hub, TimeProvider time)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int Size = 512;
    /// <summary>Refuses "decompression bombs": small files that claim enormous pixel counts.</summary>
    private const long MaxPixels = 50_000_000;

    public string PhotoFolder => Path.Combine(hub.Value.DataDirectoryFullPath, "photos");

    public async Task<Outcome> RunAsync(string userId, Stream? upload, long length, Visibility visibility, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(visibility))
        {
            return Outcome.Refused("Choose who may see your photo.", "PhotoVisibility");
        }
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (upload is null || length == 0)
        {
            if (profile is null || profile.PhotoFile == "")
            {
                return Outcome.Refused("Choose a photo to upload: a JPEG, PNG or WebP image.", "Photo");
            }
            profile.PhotoVisibility = visibility; // only the visibility changes
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }
        if (length > MaxBytes)
        {
            return Outcome.Refused($"That file is {length / 1024 / 1024.0:0.#} MB; choose one under {MaxBytes / 1024 / 1024} MB.", "Photo");
        }
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var jpeg = Reencode(buffer.ToArray());
        if (jpeg is null)
        {
            return Outcome.Refused("That file is not an image we can read. Use a JPEG, PNG or WebP photo.", "Photo");
        }
        Directory.CreateDirectory(PhotoFolder);
        var name = $"{Guid.NewGuid():N}.jpg";
        await File.WriteAllBytesAsync(Path.Combine(PhotoFolder, name), jpeg, cancellationToken);
        if (profile is null)
        {
            profile = new Profile { UserId = userId };
            db.Profiles.Add(profile);
        }
        var old = profile.PhotoFile;
        profile.PhotoFile = name;
        profile.PhotoVisibility = visibility;
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        DeleteFile(old); // only after the new one is saved: a failure never leaves a profile without its photo
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (profile is null || profile.PhotoFile == "")
        {
            return Outcome.Refused("You have no photo to remove.");
        }
        var old = profile.PhotoFile;
        profile.PhotoFile = "";
        await db.SaveChangesAsync(cancellationToken);
        DeleteFile(old);
        return Outcome.Done;
    }

    public void DeleteFile(string name)
    {
        if (name != "" && Path.GetFileName(name) == name)
        {
            File.Delete(Path.Combine(PhotoFolder, name));
        }
    }

    /// <summary>A centred square of <see cref="Size"/> pixels (smaller images are not enlarged), upright, as JPEG; null when not an image.</summary>
    internal static byte[]? Reencode(byte[] bytes)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var side = Math.Min(upright.Width, upright.Height);
        var size = Math.Min(Size, side);
        var crop = SKRectI.Create((upright.Width - side) / 2, (upright.Height - side) / 2, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White); // transparent PNGs get a plain background, as JPEG has no alpha
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data?.ToArray();
    }

    /// <summary>Phones store photos sideways with an orientation flag; turn the pixels so the photo stands as taken.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (source.Width, source.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
