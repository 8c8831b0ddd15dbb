using Microsolidarity.Hub.Platform.Files;
using SkiaSharp;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Cover images of congregations and events, under the same rules as profile photos: bounded in
/// bytes and in declared pixels before anything is decoded, one decode per person a minute, and
/// re-encoded as a JPEG with no metadata (a phone photo can carry where it was taken). Covers are
/// cropped to <see cref="Width"/> × <see cref="Height"/> (smaller ones are not enlarged) and kept in
/// the data folder's covers/ under a new name each time, so a cached old cover never shows.
/// </summary>
public sealed class CoverImages(IFileStore files, TimeProvider time)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>What a cover form reads at most, so a slightly larger file is refused beside the field instead of with a 413.</summary>
    public const long MaxUploadBytes = 4 * MaxBytes;

    public const long MaxPixels = 25_000_000;
    public const int Width = 1600;
    public const int Height = 640;

    /// <summary>One cover decoded per host per minute, counted apart from profile photos.</summary>
    private readonly PhotoUploadThrottle throttle = new(time);

    /// <summary>Where a cover is kept in the file store; null for a name the hub did not write.</summary>
    public static string? KeyOf(string name) => name != "" && Path.GetFileName(name) == name && FileKeys.IsValid(name) ? "covers/" + name : null;

    /// <summary>The cover as a response (404 when the name is not one the hub wrote or the file is gone).</summary>
    public Task<IResult> ServeAsync(string name, CancellationToken cancellationToken) =>
        KeyOf(name) is { } key ? StoredFiles.ServeAsync(files, key, "image/jpeg", cancellationToken) : Task.FromResult(Results.NotFound());

    /// <summary>Stores a cover the hub made itself (the demo's), under a new name; returns the name.</summary>
    public async Task<string> StoreAsync(byte[] jpeg, CancellationToken cancellationToken = default)
    {
        var name = $"{Guid.NewGuid():N}.jpg";
        await files.PutBytesAsync(KeyOf(name)!, jpeg, "image/jpeg", cancellationToken);
        return name;
    }

    /// <summary>Decodes, crops and stores an upload; the new file's name, or the reason beside the field <paramref name="field"/>.</summary>
    public async Task<(Outcome Outcome, string? File)> SaveAsync(string userId, Stream? upload, long length, string field, CancellationToken cancellationToken)
    {
        if (upload is null || length == 0)
        {
            return (Outcome.Refused("Choose an image: a JPEG, PNG or WebP, wider than it is tall.", field), null);
        }
        if (length > MaxBytes)
        {
            return (Outcome.Refused($"That file is {length / 1024 / 1024.0:0.#} MB; choose one under {MaxBytes / 1024 / 1024} MB.", field), null);
        }
        var bytes = new byte[MaxBytes + 1];
        var read = await upload.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxBytes)
        {
            return (Outcome.Refused($"That file is over {MaxBytes / 1024 / 1024} MB; choose a smaller one.", field), null);
        }
        using var codec = SKCodec.Create(new SKMemoryStream(bytes.AsSpan(0, read).ToArray()));
        if (codec is null)
        {
            return (Outcome.Refused(NotAnImage, field), null);
        }
        var pixels = (long)codec.Info.Width * codec.Info.Height;
        if (pixels > MaxPixels)
        {
            return (Outcome.Refused($"That image is {pixels / 1_000_000.0:0.#} megapixels, more than the {MaxPixels / 1_000_000} we accept. Choose a smaller one.", field), null);
        }
        if (!throttle.TryTake(userId))
        {
            return (Outcome.Refused("You uploaded an image a moment ago. Wait a minute, then try again.", field), null);
        }
        var jpeg = Reencode(codec);
        if (jpeg is null)
        {
            return (Outcome.Refused(NotAnImage, field), null);
        }
        return (Outcome.Done, await StoreAsync(jpeg, cancellationToken));
    }

    /// <summary>Removes a cover file that is no longer used (after the change that replaced it was saved).</summary>
    public async Task DeleteAsync(string name)
    {
        if (KeyOf(name) is { } key)
        {
            await files.DeleteAsync(key);
        }
    }

    private const string NotAnImage = "That file is not an image we can read. Use a JPEG, PNG or WebP image.";

    /// <summary>The centre of the image at the cover's proportions, at most <see cref="Width"/> wide, upright, as JPEG; null when not an image.</summary>
    internal static byte[]? Reencode(SKCodec codec)
    {
        var full = codec.Info;
        // Decode at a fraction of the size when the codec can (JPEG, WebP), never below what the crop needs.
        var scale = Math.Min(1f, Math.Max((float)Width / full.Width, (float)Height / full.Height));
        var scaled = codec.GetScaledDimensions(scale);
        if (scaled.Width < Math.Min(Width, full.Width) || scaled.Height < Math.Min(Height, full.Height) || scaled.Width <= 0 || scaled.Height <= 0)
        {
            scaled = new SKSizeI(full.Width, full.Height);
        }
        using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }
        using var turned = ImageOrientation.Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        // The largest centred rectangle of the cover's proportions, scaled down to the cover's size at most.
        var (w, h) = ((double)upright.Width, (double)upright.Height);
        var ratio = (double)Width / Height;
        var crop = w / h > ratio
            ? SKRectI.Create((int)((w - h * ratio) / 2), 0, (int)(h * ratio), (int)h)
            : SKRectI.Create(0, (int)((h - w / ratio) / 2), (int)w, (int)(w / ratio));
        var outWidth = Math.Max(1, Math.Min(Width, crop.Width));
        var outHeight = Math.Max(1, (int)Math.Round(outWidth / ratio));
        using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(outWidth, outHeight), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data?.ToArray();
    }

}
