#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the body-chart atlas: one SVG per view in this folder.

    data/atlas/generate.py            (needs python3-shapely)

The SVG files are the source the application reads; this script is how
their first version was made, and how to remake them after changing a
shape here. Each view is built from a few smooth parts (Catmull-Rom curves
through hand-placed points, and "capsule chains" for limbs: circles of
varying radius along a line, joined by their hulls). A region is its cell
(a curve cut, a blob) intersected with the figure, minus every region
assigned before it, so regions never overlap and their shared edges are
the same line.

After changing any outline, bump PALP_ATLAS_VERSION in
src/chart/palp-atlas.h: marks store the version they were placed on.
"""

import math
import os

from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import unary_union
from shapely import affinity

HERE = os.path.dirname(os.path.abspath(__file__))
BIG = 5000.0


# Curves and shapes ---------------------------------------------------------

def catmull_rom(points, closed=True, steps=10):
    """Centripetal Catmull-Rom spline through points, as a dense list."""
    pts = list(points)
    n = len(pts)
    if closed:
        ext = [pts[-1]] + pts + [pts[0], pts[1]]
        segs = n
    else:
        first = (2 * pts[0][0] - pts[1][0], 2 * pts[0][1] - pts[1][1])
        last = (2 * pts[-1][0] - pts[-2][0], 2 * pts[-1][1] - pts[-2][1])
        ext = [first] + pts + [last]
        segs = n - 1
    out = []
    for i in range(segs):
        p0, p1, p2, p3 = ext[i], ext[i + 1], ext[i + 2], ext[i + 3]

        def tj(ti, a, b):
            return ti + max(math.dist(a, b), 1e-6) ** 0.5
        t0 = 0.0
        t1 = tj(t0, p0, p1)
        t2 = tj(t1, p1, p2)
        t3 = tj(t2, p2, p3)
        for s in range(steps):
            t = t1 + (t2 - t1) * s / steps

            def lerp(a, b, ta, tb):
                return tuple(((tb - t) * a[k] + (t - ta) * b[k]) / (tb - ta) for k in (0, 1))
            a1 = lerp(p0, p1, t0, t1)
            a2 = lerp(p1, p2, t1, t2)
            a3 = lerp(p2, p3, t2, t3)
            b1 = lerp(a1, a2, t0, t2)
            b2 = lerp(a2, a3, t1, t3)
            out.append(lerp(b1, b2, t1, t2))
    if not closed:
        out.append(pts[-1])
    return out


def blob(points, steps=10):
    return Polygon(catmull_rom(points, True, steps)).buffer(0)


def capsules(chain, steps=6):
    """Circles (x, y, r) along a smooth line, joined: a limb."""
    centre = catmull_rom([(x, y) for x, y, _ in chain], False, steps)
    radii = catmull_rom([(i, r) for i, (_, _, r) in enumerate(chain)], False, steps)
    parts = []
    prev = None
    for (x, y), (_, r) in zip(centre, radii):
        c = Point(x, y).buffer(r, 24)
        parts.append(c if prev is None else unary_union([prev, c]).convex_hull)
        prev = c
    return unary_union(parts)


def curve(points, steps=8):
    return catmull_rom(points, False, steps) if len(points) > 2 else list(points)


def below(points):
    """Everything under a left-to-right curve (y grows downwards)."""
    c = curve(sorted(points))
    return Polygon([(-BIG, c[0][1])] + c + [(BIG, c[-1][1]), (BIG, BIG), (-BIG, BIG)]).buffer(0)


def above(points):
    c = curve(sorted(points))
    return Polygon([(-BIG, c[0][1])] + c + [(BIG, c[-1][1]), (BIG, -BIG), (-BIG, -BIG)]).buffer(0)


def right_of(points):
    """Everything right of a top-to-bottom curve."""
    c = curve(sorted(points, key=lambda p: p[1]))
    return Polygon([(c[0][0], -BIG)] + c + [(c[-1][0], BIG), (BIG, BIG), (BIG, -BIG)]).buffer(0)


def left_of(points):
    c = curve(sorted(points, key=lambda p: p[1]))
    return Polygon([(c[0][0], -BIG)] + c + [(c[-1][0], BIG), (-BIG, BIG), (-BIG, -BIG)]).buffer(0)


def half(cx, right):
    return Polygon([(cx, -BIG), (BIG, -BIG), (BIG, BIG), (cx, BIG)]) if right else \
        Polygon([(-BIG, -BIG), (cx, -BIG), (cx, BIG), (-BIG, BIG)])


def inter(*shapes):
    out = shapes[0]
    for s in shapes[1:]:
        out = out.intersection(s)
    return out


def mirror(shape, cx):
    return affinity.scale(shape, xfact=-1, yfact=1, origin=(cx, 0))


def mirror_pts(points, cx):
    return [(2 * cx - x, y) for x, y in points]


# Output ---------------------------------------------------------------------

def fmt(v):
    s = '%.1f' % v
    return s[:-2] if s.endswith('.0') else s


def ring_d(coords):
    pts = list(coords)[:-1]
    return 'M' + ' L'.join('%s %s' % (fmt(x), fmt(y)) for x, y in pts) + ' Z'


def polygons(shape):
    if shape.is_empty:
        return []
    if isinstance(shape, Polygon):
        return [shape]
    if isinstance(shape, MultiPolygon):
        return list(shape.geoms)
    return [g for g in getattr(shape, 'geoms', []) if isinstance(g, Polygon)]


def shape_d(shape, tolerance=0.12, min_area=2.0):
    parts = []
    for poly in polygons(shape.simplify(tolerance, preserve_topology=True)):
        if poly.area < min_area:
            continue
        poly = orient(poly, 1.0)    # holes wind the other way: nonzero fill
        parts.append(ring_d(poly.exterior.coords))
        for hole in poly.interiors:
            if Polygon(hole).area >= min_area:
                parts.append(ring_d(hole.coords))
    return ' '.join(parts)


def line_d(points, closed=False):
    d = 'M' + ' L'.join('%s %s' % (fmt(x), fmt(y)) for x, y in points)
    return d + (' Z' if closed else '')


class View:
    def __init__(self, key, title, width, height):
        self.key, self.title, self.width, self.height = key, title, width, height
        self.regions = []       # (id, shape)
        self.outline = []       # d strings
        self.assigned = Polygon()

    def frame(self):
        return Polygon([(0.5, 0.5), (self.width - 0.5, 0.5),
                        (self.width - 0.5, self.height - 0.5), (0.5, self.height - 0.5)])

    def region(self, rid, shape):
        shape = shape.intersection(self.frame()).difference(self.assigned).buffer(0)
        # Drop slivers an intersection may leave behind.
        keep = [p for p in polygons(shape) if p.area > 4.0]
        shape = unary_union(keep) if keep else Polygon()
        if shape.is_empty:
            raise SystemExit('%s: region %s is empty' % (self.key, rid))
        self.assigned = unary_union([self.assigned, shape])
        self.regions.append((rid, shape))
        return shape

    def fill_slivers(self, figure, max_area=80.0):
        """Small pieces of the figure no region took join the neighbour
        they share most edge with."""
        left = figure.intersection(self.frame()).difference(self.assigned)
        for piece in polygons(left.buffer(0)):
            if piece.area > max_area or piece.area < 0.5:
                continue
            grown = piece.buffer(1.0)
            best = max(range(len(self.regions)),
                       key=lambda i: grown.intersection(self.regions[i][1]).area)
            rid, shape = self.regions[best]
            if grown.intersection(shape).area > 0:
                self.regions[best] = (rid, unary_union([shape, piece]).buffer(0))

    def outline_shape(self, shape):
        self.outline.append(shape_d(shape.intersection(self.frame()), 0.1))

    def outline_line(self, points, smooth=True, closed=False):
        pts = catmull_rom(points, closed, 8) if smooth and len(points) > 2 else points
        if closed and smooth:
            pts = pts + [pts[0]]
        self.outline.append(line_d(pts))

    def write(self):
        path = os.path.join(HERE, self.key + '.svg')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            f.write('<!-- SPDX-License-Identifier: GPL-3.0-or-later -->\n')
            f.write('<!-- Palpate body-chart atlas: %s. Regions are <path id="..."> in\n'
                    '     <g id="regions">; drawing that is not a region is in <g id="outline">.\n'
                    '     Written by generate.py; edit either, keep the ids. -->\n' % self.title)
            f.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">\n'
                    % (self.width, self.height, self.width, self.height))
            f.write('  <title>%s</title>\n' % self.title)
            f.write('  <g id="regions" fill="#e8eef4" stroke="#8a9aa8" stroke-width="0.6">\n')
            for rid, shape in self.regions:
                f.write('    <path id="%s" d="%s"/>\n' % (rid, shape_d(shape)))
            f.write('  </g>\n')
            f.write('  <g id="outline" fill="none" stroke="#33414d" stroke-width="1.4" '
                    'stroke-linecap="round" stroke-linejoin="round">\n')
            for d in self.outline:
                f.write('    <path d="%s"/>\n' % d)
            f.write('  </g>\n</svg>\n')


# The whole body (front and back share the silhouette) ------------------------

BX = 200.0   # the body's midline


def sym_blob(half_points, cx):
    """A shape symmetric about x = cx from its right half, top to bottom."""
    left = [(2 * cx - x, y) for x, y in reversed(half_points)]
    return blob(half_points + [p for p in left if abs(p[0] - cx) > 0.01])


def body_parts():
    head = sym_blob([(200, 20), (224, 25), (240, 42), (246, 68), (244, 94),
                     (238, 114), (225, 132), (212, 140), (200, 142)], BX)
    ear_r = blob([(243, 80), (250, 78), (253, 88), (251, 102), (245, 108), (241, 100)])
    ears = unary_union([ear_r, mirror(ear_r, BX)])
    torso = sym_blob([(200, 118), (214, 120), (218, 140), (222, 158), (236, 168), (262, 175),
                      (284, 183), (295, 200), (292, 225), (283, 252), (278, 280),
                      (272, 315), (264, 355), (261, 385), (265, 420), (275, 455),
                      (280, 485), (272, 510), (240, 525), (200, 512)], BX)
    arm_r = capsules([(282, 205, 22), (293, 262, 19), (299, 325, 16), (304, 350, 16),
                      (309, 410, 14), (314, 470, 10.5)])
    hand_r = unary_union([
        capsules([(315, 478, 12), (318, 505, 14), (322, 535, 12), (325, 560, 7)]),
        capsules([(324, 488, 5.5), (333, 510, 4.5), (337, 524, 3.5)]),
    ])
    leg_r = capsules([(240, 492, 37), (238, 560, 32), (233, 628, 24), (232, 660, 23),
                      (233, 705, 25), (230, 770, 17), (228, 822, 11.5)])
    foot_r = blob([(218, 818), (238, 818), (245, 840), (252, 862), (250, 878), (236, 884),
                   (220, 882), (212, 866), (214, 840)])
    arms = unary_union([arm_r, mirror(arm_r, BX)])
    hands = unary_union([hand_r, mirror(hand_r, BX)])
    legs = unary_union([leg_r, foot_r, mirror(leg_r, BX), mirror(foot_r, BX)])
    silhouette = unary_union([head, ears, torso, arms, hands, legs])
    # Round the joins where parts meet.
    silhouette = silhouette.buffer(3, 16).buffer(-3, 16)
    return dict(head=unary_union([head, ears]), torso=torso, arm_r=arm_r, hand_r=hand_r,
                leg_r=unary_union([leg_r, foot_r]), silhouette=silhouette)


def limb_cut(p0, p1, bulge=0.0):
    """A cut across a limb from p0 to p1, bowed by bulge (downwards)."""
    mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2 + bulge
    return [p0, (mx, my), p1]


def body_view(key, title, posterior):
    v = View(key, title, 400, 900)
    b = body_parts()
    sil = b['silhouette']
    torso = inter(b['torso'], sil)
    arm = inter(unary_union([b['arm_r'], b['hand_r']]), sil)
    leg = inter(b['leg_r'], sil)
    # Client's side drawn on the viewer's right: left from the front,
    # right from the back.
    near, far = ('right', 'left') if posterior else ('left', 'right')

    def pair(base, cell, limb=None):
        """cell is the viewer-right half; its mirror is the other side."""
        right_cell = cell
        left_cell = mirror(cell, BX)
        v.region('%s.%s' % (base, near), inter(right_cell, sil, half(BX, True)))
        v.region('%s.%s' % (base, far), inter(left_cell, sil, half(BX, False)))

    def both(shape):
        return unary_union([shape, mirror(shape, BX)])

    arms_all = both(arm)
    legs_all = both(leg)

    if not posterior:
        v.region('head.anterior', inter(b['head'], sil))
        v.region('chest.sternum', inter(sym_blob([(200, 170), (211, 171), (211, 230),
                                                  (208, 285), (200, 306)], BX), torso))
        clavicle = [(190, 165), (225, 167), (255, 174), (285, 182), (320, 190)]
        delto_pec = [(258, 170), (264, 205), (272, 240), (282, 262)]
        deltoid_low = limb_cut((262, 262), (322, 250), 4)
        shoulder = inter(below(clavicle), right_of(delto_pec), above(deltoid_low),
                         unary_union([torso, arm]))
        pair('shoulder.anterior', shoulder)
        pair('neck.anterior', inter(torso, above(clavicle)))
        pec_low = [(200, 300), (228, 310), (254, 304), (274, 286), (300, 262)]
        pair('chest.pectoral', inter(torso, below(clavicle), above(pec_low)))
        navel = [(170, 398), (200, 402), (230, 398), (290, 385)]
        pair('abdomen.upper', inter(torso, below(pec_low), above(navel)))
        inguinal = [(200, 508), (224, 494), (250, 472), (276, 446), (300, 436)]
        pair('abdomen.lower', inter(torso, below(navel), above(inguinal)))
        hip_line = limb_cut((200, 520), (290, 522), 16)
        pair('hip.anterior', inter(unary_union([torso, leg]), below(inguinal), above(hip_line)))
        knee_top = limb_cut((200, 614), (270, 614), 6)
        sartorius = [(262, 525), (248, 560), (232, 600), (222, 640)]
        pair('thigh.medial', inter(leg, below(hip_line), above(knee_top), left_of(sartorius)))
        pair('thigh.anterior', inter(leg, below(hip_line), above(knee_top)))
        knee_low = limb_cut((200, 684), (270, 684), 6)
        pair('knee.anterior', inter(leg, below(knee_top), above(knee_low)))
        ankle = limb_cut((200, 818), (270, 818), 4)
        pair('leg.anterior', inter(leg, below(knee_low), above(ankle)))
        pair('foot.dorsum', inter(leg, below(ankle)))
        elbow_top = limb_cut((270, 322), (330, 314), 6)
        elbow_low = limb_cut((270, 362), (332, 354), 6)
        wrist = limb_cut((290, 472), (340, 468), 4)
        pair('arm.anterior', inter(arm, below(deltoid_low), above(elbow_top)))
        pair('elbow.anterior', inter(arm, below(elbow_top), above(elbow_low)))
        pair('forearm.anterior', inter(arm, below(elbow_low), above(wrist)))
        pair('hand.palm', inter(arm, below(wrist)))
    else:
        v.region('head.posterior', inter(b['head'], sil))
        v.region('back.sacrum', inter(sym_blob([(200, 440), (226, 443), (222, 466),
                                                (212, 488), (200, 504)], BX), torso))
        c7 = [(168, 176), (200, 186), (232, 176)]
        nape_side = [(213, 110), (216, 140), (224, 170), (232, 186)]
        pair('neck.posterior', inter(torso, above(c7), left_of(nape_side)))
        acromion_cut = [(262, 168), (268, 210), (276, 250)]
        deltoid_low = limb_cut((262, 262), (322, 250), 4)
        pair('shoulder.posterior', inter(unary_union([torso, arm]), right_of(acromion_cut),
                                         above(deltoid_low)))
        trap_low = [(200, 190), (232, 194), (262, 196), (290, 200)]
        pair('neck.upper_trapezius', inter(torso, above(trap_low)))
        scapula = blob([(236, 198), (262, 197), (276, 203), (276, 222), (268, 246),
                        (254, 270), (242, 288), (234, 282), (232, 250), (232, 218)])
        pair('back.scapular', inter(torso, scapula))
        pair('back.interscapular', inter(torso, above([(200, 304), (222, 298), (240, 286)]),
                                         left_of([(236, 150), (234, 260), (236, 320)])))
        lat_edge = [(236, 250), (238, 300), (244, 350), (250, 410)]
        pair('back.latissimus', inter(torso, right_of(lat_edge),
                                      above([(244, 404), (262, 396), (300, 380)])))
        pair('back.thoracic', inter(torso, above([(200, 384), (226, 392), (250, 404)])))
        crest = [(200, 446), (236, 440), (262, 446), (290, 458)]
        pair('back.lumbar', inter(torso, above(crest)))
        fold = [(200, 500), (222, 532), (250, 540), (278, 528), (300, 520)]
        pair('hip.gluteal', inter(unary_union([torso, leg]), below(crest), above(fold)))
        knee_top = limb_cut((200, 630), (270, 630), 6)
        pair('thigh.posterior', inter(leg, below(fold), above(knee_top)))
        knee_low = limb_cut((200, 684), (270, 684), 6)
        pair('knee.posterior', inter(leg, below(knee_top), above(knee_low)))
        ankle = limb_cut((200, 816), (270, 816), 4)
        pair('leg.calf', inter(leg, below(knee_low), above(ankle)))
        pair('foot.heel', inter(leg, below(ankle)))
        elbow_top = limb_cut((270, 322), (330, 314), 6)
        elbow_low = limb_cut((270, 362), (332, 354), 6)
        wrist = limb_cut((290, 472), (340, 468), 4)
        pair('arm.posterior', inter(arm, below(deltoid_low), above(elbow_top)))
        pair('elbow.posterior', inter(arm, below(elbow_top), above(elbow_low)))
        pair('forearm.posterior', inter(arm, below(elbow_low), above(wrist)))
        pair('hand.dorsum', inter(arm, below(wrist)))

    v.fill_slivers(sil)
    v.outline_shape(sil)
    if not posterior:
        # A few features, so front and back are told apart at a glance.
        for sx in (1, -1):
            v.outline_line([(BX + sx * 10, 78), (BX + sx * 17, 75), (BX + sx * 24, 78)])
        v.outline_line([(BX, 84), (BX - 3, 100), (BX + 3, 101)], smooth=False)
        v.outline_line([(BX - 9, 116), (BX, 118), (BX + 9, 116)])
        v.outline_line([(BX - 1.5, 400), (BX + 1.5, 400), (BX + 1.5, 403), (BX - 1.5, 403)],
                       smooth=False, closed=True)
    else:
        v.outline_line([(BX, 190), (BX, 300), (BX, 430)], smooth=False)
    return v


# Face, anterior --------------------------------------------------------------

FX = 250.0


def face_view():
    v = View('face', 'Face, anterior', 500, 600)
    face = sym_blob([(250, 40), (312, 48), (362, 80), (392, 130), (402, 190), (402, 245),
                     (396, 300), (386, 350), (370, 398), (342, 436), (304, 466),
                     (272, 482), (250, 485)], FX)
    ear = blob([(398, 228), (412, 220), (426, 232), (430, 262), (424, 292), (412, 314),
                (400, 312)])
    neck = sym_blob([(250, 420), (300, 420), (306, 470), (312, 520), (326, 570), (344, 600),
                     (250, 600)], FX)
    ears = unary_union([ear, mirror(ear, FX)])
    sil = unary_union([face, ears, neck]).buffer(2, 16).buffer(-2, 16)
    face = inter(face, sil)

    def pair(base, cell, region_shape):
        v.region('%s.left' % base, inter(cell, region_shape, half(FX, True)))
        v.region('%s.right' % base, inter(mirror(cell, FX), region_shape, half(FX, False)))

    v.region('face.nose', inter(sym_blob([(250, 200), (262, 202), (266, 240), (272, 290),
                                          (286, 322), (284, 344), (266, 352), (250, 348)], FX),
                                face))
    eye_ring = blob([(268, 214), (292, 198), (326, 196), (354, 208), (366, 232), (356, 258),
                     (326, 270), (292, 268), (272, 254), (264, 234)])
    pair('face.orbicularis_oculi', eye_ring, face)
    v.region('face.orbicularis_oris', inter(sym_blob([(250, 360), (276, 360), (300, 372),
                                                      (310, 392), (298, 414), (274, 424),
                                                      (250, 426)], FX), face))
    v.region('face.mentalis', inter(sym_blob([(250, 424), (290, 420), (302, 440),
                                              (292, 466), (250, 490)], FX), face))
    tmj = blob([(374, 250), (390, 246), (402, 254), (404, 272), (398, 288), (384, 290),
                (374, 280), (371, 264)])
    pair('face.tmj', tmj, sil)
    temporal_line = [(340, 60), (346, 120), (350, 180), (356, 210)]
    brow = [(250, 222), (290, 222), (325, 222), (352, 222), (380, 228)]
    hairline = [(250, 92), (290, 95), (330, 106), (350, 118)]
    pair('face.frontalis', inter(below(hairline), above(brow), left_of(temporal_line)), face)
    arch = [(330, 266), (360, 258), (385, 260), (420, 262)]
    pair('face.temporalis', inter(right_of(temporal_line), above(arch),
                                  below([(300, 100), (350, 110), (400, 122)])), face)
    cheek_low = [(270, 336), (310, 326), (350, 312), (400, 296)]
    masseter_front = [(348, 270), (342, 320), (336, 380), (332, 440)]
    pair('face.masseter', inter(right_of(masseter_front), below(arch)), face)
    pair('face.zygomatic', inter(above(cheek_low), below([(250, 240), (400, 240)])), face)
    pair('face.buccinator', below(cheek_low), face)
    jaw_neck = inter(neck, half(0, True)).difference(face)
    pair('face.digastric', above([(200, 516), (250, 522), (300, 516), (340, 505)]), jaw_neck)

    v.fill_slivers(face)
    v.outline_shape(sil)
    for sx in (1, -1):
        m = (lambda pts: pts) if sx == 1 else (lambda pts: mirror_pts(pts, FX))
        # Eye, brow, the ear's fold.
        v.outline_line(m([(288, 232), (312, 222), (338, 232), (312, 242)]), closed=True)
        v.outline_line(m([(290, 204), (318, 196), (346, 202)]))
        v.outline_line(m([(410, 240), (418, 262), (412, 292)]))
        v.outline_line(m([(262, 338), (272, 344), (266, 350)]))
    v.outline_line([(222, 392), (236, 386), (250, 389), (264, 386), (278, 392)])
    v.outline_line([(222, 392), (250, 402), (278, 392)])
    return v


# Head and neck, from the side ------------------------------------------------

def head_side_view(key, title, mirror_x):
    v = View(key, title, 500, 600)
    head = blob([(285, 36), (360, 50), (418, 92), (446, 150), (452, 212), (442, 268),
                 (420, 314), (392, 342), (380, 380), (378, 430), (384, 466), (404, 494),
                 (446, 516), (500, 534), (500, 600), (176, 600), (184, 560), (190, 516),
                 (186, 472), (176, 452), (150, 444), (130, 430), (122, 408), (128, 390),
                 (118, 374), (122, 361), (115, 347), (118, 332), (110, 320), (92, 306),
                 (97, 288), (112, 252), (117, 232), (111, 212), (117, 170), (138, 112),
                 (178, 66), (228, 44)], 8)
    sil = head
    side = 'left' if not mirror_x else 'right'

    def reg(base, cell):
        v.region('head.%s.%s' % (base, side), inter(cell, sil))

    reg('tmj', blob([(274, 262), (290, 256), (298, 266), (298, 282), (290, 292),
                     (276, 291), (269, 279), (269, 267)]))
    reg('masseter', blob([(220, 290), (262, 294), (272, 314), (275, 352), (268, 388),
                          (248, 400), (224, 392), (213, 350), (213, 308)]))
    reg('temporalis', blob([(196, 122), (244, 96), (304, 100), (344, 134), (350, 184),
                            (326, 232), (298, 254), (240, 264), (206, 246), (192, 186)]))
    reg('frontalis', inter(above([(100, 214), (200, 220)]), below([(100, 70), (240, 40)]),
                           left_of([(215, 40), (196, 120), (190, 230)])))
    jaw = [(100, 430), (134, 424), (196, 414), (246, 404), (266, 392), (300, 380)]
    reg('buccinator', inter(right_of([(150, 280), (142, 330), (146, 380), (160, 430)]),
                            below([(100, 296), (160, 292), (230, 290)]), above(jaw),
                            left_of([(222, 280), (216, 340), (222, 420)])))
    reg('digastric', blob([(140, 440), (176, 428), (218, 422), (252, 410), (276, 392),
                           (298, 364), (312, 360), (306, 384), (286, 420), (252, 442),
                           (208, 454), (168, 456)]))
    reg('suboccipital', blob([(342, 324), (372, 318), (402, 322), (396, 346),
                              (372, 356), (346, 352)]))
    reg('occipital', inter(right_of([(380, 40), (350, 200), (346, 330)]),
                           above([(300, 330), (460, 300)])))
    reg('scm', capsules([(318, 334, 11), (300, 400, 16), (262, 478, 19), (224, 546, 17),
                         (204, 590, 14)]))
    reg('splenius', blob([(346, 356), (386, 348), (380, 400), (372, 436), (346, 448),
                          (330, 400)]))
    neck = below([(150, 420), (300, 396), (340, 352), (420, 330)])
    back_line = [(372, 352), (368, 420), (380, 480), (410, 530), (440, 600)]
    reg('upper_trapezius', inter(neck, right_of(back_line)))
    lev_line = [(338, 380), (340, 440), (362, 520), (378, 600)]
    reg('levator_scapulae', inter(neck, right_of(lev_line), below([(300, 420), (420, 420)])))
    reg('scalenes', inter(neck, below([(200, 440), (330, 440)]),
                          right_of([(300, 400), (262, 478), (224, 546), (204, 600)])))

    v.fill_slivers(sil, 40.0)
    v.outline_shape(sil)
    v.outline_line([(300, 228), (318, 220), (336, 234), (340, 266), (330, 298), (314, 314),
                    (300, 306), (302, 284), (298, 262)], closed=True)
    v.outline_line([(314, 246), (326, 256), (322, 280)])
    v.outline_line([(134, 424), (196, 414), (246, 404), (266, 392), (276, 350), (284, 300)])
    v.outline_line([(126, 232), (146, 226), (160, 234)])
    v.outline_line([(124, 212), (148, 204), (170, 210)])
    v.outline_line([(104, 314), (116, 318), (122, 312)])
    v.outline_line([(120, 361), (132, 360)], smooth=False)
    if mirror_x:
        v.regions = [(rid, mirror(s, 250)) for rid, s in v.regions]
        v.outline = []
        v.outline_shape(mirror(sil, 250))
        for pts, closed in ([([(300, 228), (318, 220), (336, 234), (340, 266), (330, 298),
                               (314, 314), (300, 306), (302, 284), (298, 262)], True),
                             ([(314, 246), (326, 256), (322, 280)], False),
                             ([(134, 424), (196, 414), (246, 404), (266, 392), (276, 350),
                               (284, 300)], False),
                             ([(126, 232), (146, 226), (160, 234)], False),
                             ([(124, 212), (148, 204), (170, 210)], False),
                             ([(104, 314), (116, 318), (122, 312)], False)]):
            v.outline_line(mirror_pts(pts, 250), closed=closed)
        v.outline_line(mirror_pts([(120, 361), (132, 360)], 250), smooth=False)
    return v


# Inside the mouth -------------------------------------------------------------

OX = 300.0
UPPER = [8.5, 6.5, 7.5, 7.0, 6.5, 10.0, 9.0, 8.5]     # mesiodistal widths, mm
LOWER = [5.0, 5.5, 7.0, 7.0, 7.0, 11.0, 10.5, 10.0]
DEPTH = [7.0, 6.5, 8.0, 9.0, 9.0, 11.0, 10.5, 10.0]    # labio-lingual, mm
SCALE = 4.0
KIND = ['incisor', 'incisor', 'canine', 'premolar', 'premolar', 'molar', 'molar', 'molar']


def arch_point(t, lower):
    """Arch midline; t in [-1, 1], 0 between the central incisors."""
    a = t * math.radians(110)
    x = OX + 178 * math.sin(a)
    y = 44 + 128 * (1 - math.cos(a)) ** 0.85
    return (x, 500 - y) if lower else (x, y)


def arch_polyline(lower, t0=-1.0, t1=1.0, n=200):
    return [arch_point(t0 + (t1 - t0) * i / n, lower) for i in range(n + 1)]


def arch_length_to_t(lower):
    pts = arch_polyline(lower, 0, 1, 400)
    acc = [0.0]
    for a, b in zip(pts, pts[1:]):
        acc.append(acc[-1] + math.dist(a, b))
    return pts, acc


def tooth_shape(kind, width, depth):
    """A tooth seen from the biting side, centred at 0, x along the arch,
    y towards the tongue."""
    w, d = width / 2, depth / 2
    if kind == 'incisor':
        pts = [(-w, -d * 0.55), (-w * 0.5, -d * 0.85), (w * 0.5, -d * 0.85), (w, -d * 0.55),
               (w * 0.8, d * 0.2), (w * 0.35, d * 0.9), (-w * 0.35, d * 0.9), (-w * 0.8, d * 0.2)]
    elif kind == 'canine':
        pts = [(-w, -d * 0.2), (-w * 0.45, -d * 0.9), (0, -d), (w * 0.45, -d * 0.9), (w, -d * 0.2),
               (w * 0.75, d * 0.6), (0, d), (-w * 0.75, d * 0.6)]
    elif kind == 'premolar':
        pts = [(-w, -d * 0.45), (-w * 0.65, -d * 0.95), (w * 0.65, -d * 0.95), (w, -d * 0.45),
               (w, d * 0.45), (w * 0.6, d * 0.95), (-w * 0.6, d * 0.95), (-w, d * 0.45)]
    else:
        pts = [(-w, -d * 0.7), (-w * 0.8, -d * 0.98), (w * 0.7, -d), (w * 0.98, -d * 0.75),
               (w, d * 0.65), (w * 0.75, d * 0.98), (-w * 0.75, d), (-w * 0.98, d * 0.7)]
    return Polygon(catmull_rom(pts, True, 6))


def mouth_view():
    v = View('intra-oral', 'Inside the mouth (open, facing the client)', 600, 500)
    lips_out = blob([(300, 4), (430, 10), (540, 38), (592, 120), (598, 250), (592, 380),
                     (540, 462), (430, 490), (300, 496), (170, 490), (60, 462), (8, 380),
                     (2, 250), (8, 120), (60, 38), (170, 10)])
    mouth = blob([(300, 18), (425, 24), (526, 52), (576, 128), (584, 250), (576, 372),
                  (526, 448), (425, 476), (300, 482), (175, 476), (74, 448), (24, 372),
                  (16, 250), (24, 128), (74, 52), (175, 24)])

    teeth = {}
    gum = {}
    grooves = []
    for lower in (False, True):
        sizes = LOWER if lower else UPPER
        pts, acc = arch_length_to_t(lower)
        total = sum(sizes) * SCALE + 7 * 1.6
        for side in (1, -1):
            # The client's right is on the viewer's left.
            quad = ('l' if lower else 'u') + ('l' if side == 1 else 'r')
            s = 0.8
            for i, mm in enumerate(sizes):
                w = mm * SCALE
                mid = s + w / 2
                s += w + 1.6
                k = next(j for j, a in enumerate(acc) if a >= mid)
                x, y = pts[k]
                ax, ay = pts[min(k + 1, len(pts) - 1)]
                bx, by = pts[max(k - 1, 0)]
                ang = math.atan2(ay - by, ax - bx)
                shape = tooth_shape(KIND[i], w, DEPTH[i] * SCALE)
                if lower:
                    shape = affinity.scale(shape, 1, -1, origin=(0, 0))
                lines = []
                if KIND[i] in ('premolar', 'molar'):
                    lines.append(LineString([(-w * 0.3, 0), (w * 0.3, 0)]))
                if KIND[i] == 'molar':
                    dd = DEPTH[i] * SCALE * 0.28
                    lines.append(LineString([(0, -dd), (0, dd)]))
                # Built on the viewer's right, mirrored for the other side.
                for g in [shape] + lines:
                    g = affinity.rotate(g, ang, origin=(0, 0), use_radians=True)
                    g = affinity.translate(g, x, y)
                    if side == -1:
                        g = mirror(g, OX)
                    if isinstance(g, LineString):
                        grooves.append(list(g.coords))
                    else:
                        teeth['tooth.%s%d' % (quad, i + 1)] = g
            end_t = next(j for j, a in enumerate(acc) if a >= min(total, acc[-1] - 1)) / 400
        line = LineString(arch_polyline(lower, -end_t, end_t))
        gum[lower] = line.buffer(max(DEPTH) * SCALE / 2 + 9, 24)

    all_teeth = unary_union(list(teeth.values()))
    # Inside each arch: the palate above, the tongue and floor below.
    back_up = [(470, 206), (420, 222), (360, 228), (322, 234), (308, 244), (300, 262),
               (292, 244), (278, 234), (240, 228), (180, 222), (130, 206)]
    back_lo = [(130, 294), (200, 280), (300, 274), (400, 280), (470, 294)]
    up_in = Polygon(arch_polyline(False, -1, 1) + back_up).buffer(0)
    lo_in = Polygon(arch_polyline(True, 1, -1) + back_lo).buffer(0)

    for rid in sorted(teeth, key=lambda r: ('ur', 'ul', 'll', 'lr').index(r[6:8]) * 10 + int(r[8])):
        v.region(rid, inter(teeth[rid], mouth))
    v.region('oral.gingiva.upper', inter(gum[False], mouth).difference(all_teeth))
    v.region('oral.gingiva.lower', inter(gum[True], mouth).difference(all_teeth))
    v.region('oral.palate.hard', inter(up_in, above([(100, 166), (300, 172), (500, 166)])))
    v.region('oral.palate.soft', inter(up_in, below([(100, 166), (300, 172), (500, 166)])))
    tongue = blob([(300, 286), (360, 282), (410, 296), (428, 336), (418, 380), (384, 412),
                   (336, 430), (300, 434), (264, 430), (216, 412), (182, 380), (172, 336),
                   (190, 296), (240, 282)])
    v.region('oral.tongue', inter(tongue, mouth))
    v.region('oral.floor', inter(lo_in, mouth))
    lip_up = blob([(300, 10), (400, 16), (470, 40), (400, 56), (300, 46), (200, 56), (130, 40),
                   (200, 16)])
    v.region('oral.labial.upper', inter(mouth, lip_up))
    v.region('oral.labial.lower', inter(mouth, affinity.scale(lip_up, 1, -1, origin=(0, 250))))
    retro = blob([(450, 216), (478, 226), (492, 250), (478, 274), (450, 284), (426, 270),
                  (420, 250), (428, 230)])
    v.region('oral.retromolar.left', inter(retro, mouth))
    v.region('oral.retromolar.right', inter(mirror(retro, OX), mouth))
    cheek = [(210, 0), (150, 40), (112, 120), (118, 250), (112, 380), (150, 460), (210, 500)]
    v.region('oral.buccal.left', inter(mouth, right_of(mirror_pts(cheek, OX))))
    v.region('oral.buccal.right', inter(mouth, left_of(cheek)))

    v.fill_slivers(mouth, 900.0)
    v.outline_shape(lips_out)
    v.outline_shape(mouth)
    # The throat between soft palate and tongue.
    v.outline_line([(236, 268), (270, 258), (300, 266), (330, 258), (364, 268)])
    v.outline_line([(300, 300), (300, 330), (300, 380)])
    for g in grooves:
        v.outline_line(g, smooth=False)
    return v


def main():
    views = [
        body_view('body-anterior', 'Body, anterior', False),
        body_view('body-posterior', 'Body, posterior', True),
        head_side_view('head-left', 'Head and neck, left side', False),
        head_side_view('head-right', 'Head and neck, right side', True),
        face_view(),
        mouth_view(),
    ]
    for v in views:
        v.write()
        print('%-15s %3d regions' % (v.key, len(v.regions)))


if __name__ == '__main__':
    main()
