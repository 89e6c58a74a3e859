#!/usr/bin/env python3
"""Writes retorno-001.ret, the CNAB 240 return file of Cnab240ReturnTest and BoletoReturnsTest.

Each line is laid out field by field from the FEBRABAN CNAB 240 layout (positions 1-based and
inclusive, as the manual writes them); the test reads the amounts and dates back and compares them
with the values below, checked by hand. Run it from this folder: python3 make-fixtures.py
"""

BANK = "001"


def line(fields):
    """fields: (from, to, value) with 1-based inclusive positions; the rest is blank."""
    chars = [" "] * 240
    for start, end, value in fields:
        width = end - start + 1
        assert len(value) == width, (start, end, value)
        chars[start - 1 : end] = value
    return "".join(chars)


def num(value, width):
    return str(value).rjust(width, "0")


def alpha(value, width):
    return value.ljust(width)


def file_header():
    return line([(1, 3, BANK), (4, 7, "0000"), (8, 8, "0"), (18, 18, "2"),
                 (19, 32, "12345678000195"), (73, 102, alpha("REGUA COBRANCA LTDA", 30)),
                 (103, 132, alpha("BANCO DO BRASIL S.A.", 30)), (143, 143, "2"),
                 (144, 151, "07122026"), (152, 157, "060000"), (158, 163, num(1, 6)),
                 (164, 166, "089")])


def batch_header():
    return line([(1, 3, BANK), (4, 7, "0001"), (8, 8, "1"), (9, 9, "T"), (10, 11, "01"),
                 (14, 16, "045")])


def segment_t(seq, movement, our_number, your_number, due, face_cents):
    return line([(1, 3, BANK), (4, 7, "0001"), (8, 8, "3"), (9, 13, num(seq, 5)), (14, 14, "T"),
                 (16, 17, movement), (18, 22, "01234"), (23, 23, "5"),
                 (24, 35, num(56789, 12)), (36, 36, "0"), (38, 57, alpha(our_number, 20)),
                 (58, 58, "1"), (59, 73, alpha(your_number, 15)), (74, 81, due),
                 (82, 96, num(face_cents, 15)), (97, 99, BANK), (100, 104, "01234"),
                 (106, 130, alpha(your_number, 25)), (131, 132, "09"), (133, 133, "1"),
                 (134, 148, num(12345678909, 15)), (149, 188, alpha("MARIA DA SILVA", 40)),
                 (199, 213, num(150, 15))])


def segment_u(seq, movement, charges, paid, net, occurred, credited):
    return line([(1, 3, BANK), (4, 7, "0001"), (8, 8, "3"), (9, 13, num(seq, 5)), (14, 14, "U"),
                 (16, 17, movement), (18, 32, num(charges, 15)), (33, 47, num(0, 15)),
                 (48, 62, num(0, 15)), (63, 77, num(0, 15)), (78, 92, num(paid, 15)),
                 (93, 107, num(net, 15)), (108, 122, num(0, 15)), (123, 137, num(0, 15)),
                 (138, 145, occurred), (146, 153, credited)])


def batch_trailer(records):
    return line([(1, 3, BANK), (4, 7, "0001"), (8, 8, "5"), (18, 23, num(records, 6))])


def file_trailer(records):
    return line([(1, 3, BANK), (4, 7, "9999"), (8, 8, "9"), (18, 23, num(1, 6)),
                 (24, 29, num(records, 6))])


lines = [
    file_header(),                                                                     # 1
    batch_header(),                                                                    # 2
    # CNABT-0001: 150.00 due 20/12/2026, paid 150.00 on 05/12, credited 148.50 on 07/12
    segment_t(1, "06", "1234567000000001", "CNABT-0001", "20122026", 15000),           # 3
    segment_u(2, "06", 0, 15000, 14850, "05122026", "07122026"),                       # 4
    # CNABT-0002: 200.00 due 01/12/2026, paid late on 04/12: 204.50 with 4.50 of fine and interest
    segment_t(3, "06", "1234567000000002", "CNABT-0002", "01122026", 20000),           # 5
    segment_u(4, "06", 450, 20450, 20300, "04122026", "07122026"),                     # 6
    # CNABT-0003: 99.90 paid on 06/12
    segment_t(5, "06", "1234567000000003", "CNABT-0003", "20122026", 9990),            # 7
    segment_u(6, "06", 0, 9990, 9840, "06122026", "07122026"),                         # 8
    # CNABT-9999: no such debt, 50.00 paid on 06/12
    segment_t(7, "06", "1234567000000009", "CNABT-9999", "20122026", 5000),            # 9
    segment_u(8, "06", 0, 5000, 4850, "06122026", "07122026"),                         # 10
    # CNABT-0004: written off (baixa) on 06/12
    segment_t(9, "09", "1234567000000004", "CNABT-0004", "20122026", 8000),            # 11
    segment_u(10, "09", 0, 0, 0, "06122026", "00000000"),                              # 12
    # a detail line cut short: 238 characters
    segment_t(11, "06", "1234567000000006", "CNABT-0006", "20122026", 1000)[:238],     # 13
    # CNABT-0005: entry confirmed (02), nothing to apply
    segment_t(12, "02", "1234567000000005", "CNABT-0005", "20122026", 3000),           # 14
    segment_u(13, "02", 0, 0, 0, "01122026", "00000000"),                              # 15
    batch_trailer(15),                                                                 # 16
    file_trailer(17),                                                                  # 17
]

with open("retorno-001.ret", "w", newline="") as out:
    out.write("\r\n".join(lines) + "\r\n")
