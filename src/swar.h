/*
 * swar.h - byte tests eight bytes at a time ("SIMD within a register"):
 * a scan for a few byte values in text that mostly holds none tests a
 * word at a time, and goes byte by byte only where one may be.
 */
#ifndef CC_SWAR_H
#define CC_SWAR_H

#include <stdint.h>
#include <string.h>

#define CC_SWAR_ONES	((uint64_t)0x0101010101010101u)
#define CC_SWAR_HIGH	(CC_SWAR_ONES * 0x80)

/* The eight bytes at p as one word (p needs no alignment). */
static inline uint64_t
cc_swar_load(const void *p)
{
	uint64_t	x;

	memcpy(&x, p, sizeof x);
	return x;
}

/*
 * Bytes of x below k (k at most 0x80): & CC_SWAR_HIGH is not 0 if and
 * only if there is one.  (x - k) & ~x sets the high bit of such a byte;
 * the borrow may set it in bytes after the first one too, so the bits
 * answer "any", not "which".
 */
static inline uint64_t
cc_swar_below(uint64_t x, unsigned char k)
{
	return (x - CC_SWAR_ONES * k) & ~x;
}

/* Bytes of x equal to c, as cc_swar_below(): those XOR c makes 0. */
static inline uint64_t
cc_swar_eq(uint64_t x, unsigned char c)
{
	return cc_swar_below(x ^ CC_SWAR_ONES * c, 1);
}

/*
 * x with its ASCII capitals in lower case, all other bytes as they are
 * (tolower() in the C locale, eight bytes at once): a byte gains 0x20
 * where its high bit is clear and its low seven bits are at least 'A'
 * and at most 'Z'.  Adding to the low seven bits of each byte never
 * carries into the next byte, so the high bit of each sum answers one
 * comparison.
 */
static inline uint64_t
cc_swar_lower(uint64_t x)
{
	uint64_t	low = x & ~CC_SWAR_HIGH;
	uint64_t	ge_a = low + CC_SWAR_ONES * (0x80 - 'A');
	uint64_t	gt_z = low + CC_SWAR_ONES * (0x80 - 'Z' - 1);

	return x | (ge_a & ~gt_z & ~x & CC_SWAR_HIGH) >> 2;
}

#endif
