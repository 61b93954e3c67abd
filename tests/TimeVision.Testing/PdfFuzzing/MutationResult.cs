namespace TimeVision.Testing.PdfFuzzing;

/// <summary>What one mutation made and a description of what it did.</summary>
/// <param name="Bytes">The mutated file.</param>
/// <param name="Detail">What was changed where.</param>
internal sealed record MutationResult(byte[] Bytes, string Detail);
