// examples/plot.hpp: figure, an SVG chart with axes, ticks, labels and a legend, and
// write_loss_curve, the loss of each training step drawn on a linear or logarithmic scale.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

/// One axis: the range it shows, whether it is logarithmic, and its label.
struct axis {
  double low;
  double high;
  std::string label;
  bool log = false;
};

/// An SVG chart: a plot area of width × height pixels inside margins for the ticks, labels, title
/// and legend. Draw into it in data coordinates with x() and y(), then write() it.
class figure {
 public:
  figure(std::string title, axis x_axis, axis y_axis, double width = 560, double height = 340)
      : title_(std::move(title)), x_(std::move(x_axis)), y_(std::move(y_axis)), width_(width),
        height_(height) {}

  /// The pixel column of data value v, and the pixel row.
  double x(double v) const { return left + width_ * fraction(x_, v); }
  double y(double v) const { return top + height_ * (1 - fraction(y_, v)); }

  /// Adds raw SVG (in pixel coordinates from x() and y()) under the axes.
  figure& add(const std::string& svg) {
    body_ += svg;
    return *this;
  }
  /// Adds a legend entry: a swatch drawn by `swatch` (an SVG element at 0,0 of about 10×10) and text.
  figure& legend(const std::string& swatch, const std::string& text) {
    legend_.emplace_back(swatch, text);
    return *this;
  }
  /// A polyline through the points (x[k], y[k]), in data coordinates.
  figure& line(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& colour) {
    std::ostringstream svg;
    svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\" points=\"";
    for (std::size_t k = 0; k < xs.size(); ++k) svg << x(xs[k]) << ',' << y(ys[k]) << ' ';
    svg << "\"/>\n";
    return add(svg.str());
  }

  /// Writes the SVG file; false if it cannot be written.
  bool write(const std::string& path) const {
    const double total_width = left + width_ + (legend_.empty() ? 20 : 170);
    const double total_height = top + height_ + 50;
    std::ofstream svg(path);
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << total_width << "\" height=\""
        << total_height << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        << "<text x=\"" << left + width_ / 2 << "\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" "
        << "font-weight=\"bold\">" << escape(title_) << "</text>\n"
        << "<svg x=\"" << left << "\" y=\"" << top << "\" width=\"" << width_ << "\" height=\"" << height_
        << "\" viewBox=\"" << left << ' ' << top << ' ' << width_ << ' ' << height_ << "\">\n"
        << body_ << "</svg>\n";  // the data, clipped to the plot area
    for (const double t : ticks(x_)) {
      svg << "<line x1=\"" << x(t) << "\" y1=\"" << top + height_ << "\" x2=\"" << x(t) << "\" y2=\""
          << top + height_ + 5 << "\" stroke=\"black\"/>\n<text x=\"" << x(t) << "\" y=\""
          << top + height_ + 18 << "\" text-anchor=\"middle\">" << number(t) << "</text>\n";
    }
    for (const double t : ticks(y_)) {
      svg << "<line x1=\"" << left - 5 << "\" y1=\"" << y(t) << "\" x2=\"" << left << "\" y2=\"" << y(t)
          << "\" stroke=\"black\"/>\n<text x=\"" << left - 8 << "\" y=\"" << y(t) + 4
          << "\" text-anchor=\"end\">" << number(t) << "</text>\n";
    }
    svg << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << width_ << "\" height=\"" << height_
        << "\" fill=\"none\" stroke=\"black\"/>\n"
        << "<text x=\"" << left + width_ / 2 << "\" y=\"" << top + height_ + 40
        << "\" text-anchor=\"middle\">" << escape(x_.label) << "</text>\n"
        << "<text transform=\"translate(16," << top + height_ / 2 << ") rotate(-90)\" text-anchor=\"middle\">"
        << escape(y_.label) << "</text>\n";
    for (std::size_t k = 0; k < legend_.size(); ++k) {
      const double row = top + 10 + 20 * static_cast<double>(k);
      svg << "<g transform=\"translate(" << left + width_ + 15 << ',' << row - 9 << ")\">" << legend_[k].first
          << "</g>\n<text x=\"" << left + width_ + 32 << "\" y=\"" << row << "\">" << escape(legend_[k].second)
          << "</text>\n";
    }
    svg << "</svg>\n";
    return static_cast<bool>(svg);
  }

  static constexpr double left = 70;  // room for the y ticks and label
  static constexpr double top = 35;   // room for the title

 private:
  static double fraction(const axis& a, double v) {
    return a.log ? (std::log10(v) - std::log10(a.low)) / (std::log10(a.high) - std::log10(a.low))
                 : (v - a.low) / (a.high - a.low);
  }
  // Linear axes: steps of 1, 2 or 5 times a power of ten, about 5 ticks. Log axes: the powers of
  // ten, with 2 and 5 times them when the range spans fewer than three decades.
  static std::vector<double> ticks(const axis& a) {
    std::vector<double> result;
    if (a.log) {
      const bool fine = std::log10(a.high / a.low) < 3;
      for (double decade = std::pow(10.0, std::floor(std::log10(a.low))); decade <= a.high; decade *= 10) {
        for (const double m : {1.0, 2.0, 5.0}) {
          if ((m == 1.0 || fine) && decade * m >= a.low * 0.999 && decade * m <= a.high * 1.001) {
            result.push_back(decade * m);
          }
        }
      }
      return result;
    }
    const double raw = (a.high - a.low) / 5, power = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
    for (double t = std::ceil(a.low / step - 1e-9) * step; t <= a.high + step * 1e-9; t += step) {
      result.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return result;
  }
  static std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
  }
  static std::string escape(const std::string& text) {
    std::string result;
    for (const char c : text) result += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
    return result;
  }

  std::string title_;
  axis x_;
  axis y_;
  double width_;
  double height_;
  std::string body_;
  std::vector<std::pair<std::string, std::string>> legend_;
};

/// The loss of step k at losses[k], drawn as a line against the step on a log or linear scale.
inline bool write_loss_curve(const std::string& path, const std::string& title,
                             const std::vector<double>& losses, bool log_scale) {
  std::vector<double> steps(losses.size());
  for (std::size_t k = 0; k < steps.size(); ++k) steps[k] = static_cast<double>(k);
  const auto [smallest, largest] = std::minmax_element(losses.begin(), losses.end());
  double low = *smallest, high = *largest;
  log_scale = log_scale && low > 0;  // a loss of exactly 0 has no logarithm: draw linearly
  if (log_scale) {  // whole decades around the curve
    // A sixth of a decade of room at each end, so the curve does not run along the frame.
    low = std::pow(10.0, std::floor(std::log10(low) - 1.0 / 6));
    high = std::pow(10.0, std::ceil(std::log10(high) + 1.0 / 6));
    if (high <= low) high = low * 10;
  } else {
    low = std::min(0.0, low);
    high = high > low ? high * 1.05 : low + 1;
  }
  figure chart(title, {0, std::max(1.0, static_cast<double>(losses.size() - 1)), "step"},
               {low, high, log_scale ? "loss (log scale)" : "loss", log_scale});
  chart.line(steps, losses, "#1f77b4");
  return chart.write(path);
}
